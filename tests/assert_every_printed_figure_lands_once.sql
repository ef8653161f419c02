-- Every Jaarcijfers figure the extractor wrote to the raw seed appears in marts.fct_figures exactly
-- once, with its printed text unchanged; and fct_figures holds no Jaarcijfers figure that was not
-- printed. The news figures: assert_ind_news_lands_once.sql.
with

printed as (

    select
        cast(edition_year as integer) as edition_year,
        cast(source_line as integer) as source_line,
        cast(reference_year as integer) as reference_year,
        value_printed
    from {{ ref('jaarcijfers_figures') }}

),

landed as (

    select
        edition_year,
        source_line,
        reference_year,
        value_printed
    from {{ ref('fct_figures') }}
    where source_code = 'jaarcijfers'

),

landings_per_printed_figure as (

    select
        printed.*,
        count(landed.source_line) as times_landed
    from printed
    left join landed
        using (edition_year, source_line, reference_year, value_printed)
    group by all

),

not_printed as (

    select
        landed.*,
        0 as times_landed
    from landed
    anti join printed
        using (edition_year, source_line, reference_year, value_printed)

)

select * from landings_per_printed_figure
where times_landed <> 1
union all
select * from not_printed
