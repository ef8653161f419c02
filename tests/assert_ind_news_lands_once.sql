-- The news figures land whole. Each row names the rule it breaks:
--   row_lands_once: every row of seeds/raw/ind_news/ind_news_figures.csv is in marts.fct_figures exactly
--     once, with its printed text unchanged;
--   nothing_unprinted: fct_figures holds no news figure that is not a row of the seed;
--   file_rows_as_extracted: each loaded file has as many rows in the seed as the extractor counted
--     new in it (seeds/raw/ind_news/ind_news_files.csv);
-- That each loaded file in publications/ still has the sha256 it was loaded with is a question
-- about files, not the warehouse: python/tests/test_publication_files.py.
with

printed as (

    select
        source_file,
        cast(source_line as integer) as source_line,
        value_printed
    from {{ ref('ind_news_figures') }}

),

landed as (

    select
        source_file,
        source_line,
        value_printed
    from {{ ref('fct_figures') }}
    where source_code = 'ind_news'

),

files as (

    select * from {{ ref('stg_ind_news__files') }}

),

row_lands_once as (

    select
        'row_lands_once' as failed_rule,
        printed.source_file,
        printed.source_line,
        concat(printed.value_printed, ' landed ', count(landed.source_line), ' times') as detail
    from printed
    left join landed using (source_file, source_line, value_printed)
    group by printed.source_file, printed.source_line, printed.value_printed
    having count(landed.source_line) <> 1

),

nothing_unprinted as (

    select
        'nothing_unprinted' as failed_rule,
        landed.source_file,
        landed.source_line,
        landed.value_printed as detail
    from landed
    where not exists (
        select 1 from printed
        where
            printed.source_file = landed.source_file
            and printed.source_line = landed.source_line
            and printed.value_printed = landed.value_printed
    )

),

file_rows_as_extracted as (

    select
        'file_rows_as_extracted' as failed_rule,
        files.source_file,
        cast(null as integer) as source_line,
        concat(count(printed.source_line), ' rows in the seed, ', files.new_row_count, ' extracted') as detail
    from files
    left join printed using (source_file)
    group by files.source_file, files.new_row_count
    having count(printed.source_line) <> files.new_row_count

)

select * from row_lands_once
union all
select * from nothing_unprinted
union all
select * from file_rows_as_extracted
