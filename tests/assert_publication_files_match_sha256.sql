-- The publication texts in publications/ are the ones the figures were extracted from: each
-- file's SHA-256 equals the one recorded when it was extracted.
with

recorded as (

    select
        edition_year,
        source_file,
        sha256
    from {{ ref('dim_publication') }}

),

on_disk as (

    select
        parse_filename(filename) as source_file,
        sha256(content) as sha256
    from read_text('{{ flags.PROJECT_DIR or "." }}/publications/*.txt')

)

select
    recorded.edition_year,
    recorded.source_file,
    recorded.sha256 as recorded_sha256,
    on_disk.sha256 as file_sha256
from recorded
left join on_disk using (source_file)
where on_disk.sha256 is distinct from recorded.sha256
