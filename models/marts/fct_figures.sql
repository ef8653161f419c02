{#- Every printed figure of every source, one row each: the Jaarcijfers editions' figures, the
    figures of the IND's news pages (twin pages print each figure once each) and the figures of
    Statistics Netherlands (CBS). Columns one source does not have are NULL for the others. -#}
with

jaarcijfers as (

    select * from {{ ref('int_figures_catalogued') }}

),

publications as (

    select * from {{ ref('stg_jaarcijfers__publications') }}

),

news as (

    select * from {{ ref('int_ind_news__figures_catalogued') }}

),

releases as (

    select * from {{ ref('int_ind_news__releases') }}

),

vintages as (

    select * from {{ ref('int_ind_news__figure_vintages') }}

),

cbs as (

    select * from {{ ref('int_cbs__figures_catalogued') }}

),

cbs_nationalities as (

    select * from {{ ref('stg_reference__cbs_nationalities') }}

),

cbs_read as (

    select * from {{ ref('stg_cbs__figures') }}

),

jaarcijfers_figures as (

    select
        jaarcijfers.figure_id,
        'jaarcijfers' as source_code,
        jaarcijfers.edition_year,
        cast(null as varchar) as release_id,
        jaarcijfers.reference_year,
        cast(jaarcijfers.reference_year as varchar) as period_code,
        'year' as period_grain,
        make_date(jaarcijfers.reference_year, 1, 1) as period_start,
        make_date(jaarcijfers.reference_year, 12, 31) as period_end,
        cast(jaarcijfers.reference_year as varchar) as period_printed,
        jaarcijfers.product_code,
        jaarcijfers.indicator_code,
        jaarcijfers.former_indicator_code,
        cast(null as varchar) as country_code,
        jaarcijfers.section_nl,
        jaarcijfers.subsection_nl,
        jaarcijfers.table_heading_nl as table_heading,
        jaarcijfers.row_label_nl as row_label,
        cast(null as varchar) as measure_en,
        cast(null as varchar) as measure_nl,
        cast(null as varchar) as measure_category,
        jaarcijfers.table_footnote_number,
        jaarcijfers.row_footnote_number,
        jaarcijfers.printed_in,
        publications.source_file,
        jaarcijfers.source_line,
        cast(null as varchar) as source_url,
        cast(null as varchar) as page_language,
        cast(null as varchar) as quoted_item,
        jaarcijfers.value_printed,
        jaarcijfers.value_status,
        jaarcijfers.value,
        cast(null as decimal(18, 4)) as value_transcribed,
        cast(null as varchar) as value_qualifier,
        false as is_approximate,
        cast(null as varchar) as transcriber_note,
        jaarcijfers.unit,
        jaarcijfers.fact_table,
        jaarcijfers.is_latest_edition,
        jaarcijfers.is_latest_edition as is_latest_vintage,
        'IND' as publisher,
        cast(null as varchar) as published_printed,
        cast(null as date) as published_on,
        cast(null as varchar) as nationality_printed,
        cast(jaarcijfers.value as decimal(18, 4)) as value_low,
        cast(jaarcijfers.value as decimal(18, 4)) as value_high,
        cast(null as varchar) as printed_precision,
        cast(null as boolean) as is_provisional

    from jaarcijfers
    inner join publications using (edition_year)

),

news_figures as (

    select
        {{ ind_news_figure_id('releases.release_id', 'news.page_language', 'news.figure_key', 'news.quoted_item') }}
            as figure_id,
        'ind_news' as source_code,
        cast(null as integer) as edition_year,
        releases.release_id,
        news.reference_year,
        news.period_code,
        news.period_grain,
        news.period_start,
        news.period_end,
        news.period_printed,
        news.product_code,
        news.indicator_code,
        cast(null as varchar) as former_indicator_code,
        news.country_code,
        cast(null as varchar) as section_nl,
        cast(null as varchar) as subsection_nl,
        cast(null as varchar) as table_heading,
        cast(null as varchar) as row_label,
        news.measure_en,
        news.measure_nl,
        news.measure_category,
        cast(null as integer) as table_footnote_number,
        cast(null as integer) as row_footnote_number,
        'page' as printed_in,
        news.source_file,
        news.source_line,
        news.source_url,
        news.page_language,
        news.quoted_item,
        news.value_printed,
        'published' as value_status,
        news.value,
        news.value_transcribed,
        news.value_qualifier,
        news.is_approximate,
        news.transcriber_note,
        news.unit,
        news.fact_table,
        cast(null as boolean) as is_latest_edition,
        vintages.vintage_rank = vintages.vintage_count as is_latest_vintage,
        'IND' as publisher,
        releases.published_printed,
        case when releases.published_precision = 'day' then releases.published_start end as published_on,
        cast(null as varchar) as nationality_printed,
        case when not news.is_approximate then cast(news.value as decimal(18, 4)) end as value_low,
        case when not news.is_approximate then cast(news.value as decimal(18, 4)) end as value_high,
        cast(null as varchar) as printed_precision,
        cast(null as boolean) as is_provisional

    from news
    inner join releases using (page_id)
    inner join vintages
        on
            news.figure_key = vintages.figure_key
            and releases.release_id = vintages.release_id
            and news.quoted_item is not distinct from vintages.quoted_item

),

cbs_figures as (

    select
        cbs.figure_id,
        cbs.source_code,
        cast(null as integer) as edition_year,
        cbs.release_id,
        cast(extract(year from cbs.period_start) as integer) as reference_year,
        cbs.period_code,
        cbs.period_grain,
        cbs.period_start,
        cbs.period_end,
        cbs.period_code as period_printed,
        cast(null as varchar) as product_code,
        cbs.indicator_code,
        cast(null as varchar) as former_indicator_code,
        -- dim_nationality's code where the nationality has one, else CBS's kind of group
        case when cbs.country_code is not null then coalesce(cbs_nationalities.nationality_code, cbs.country_code) end
            as country_code,
        cast(null as varchar) as section_nl,
        cast(null as varchar) as subsection_nl,
        cast(null as varchar) as table_heading,
        cast(null as varchar) as row_label,
        cbs.measure_en,
        cbs.measure_nl,
        cast(null as varchar) as measure_category,
        cast(null as integer) as table_footnote_number,
        cast(null as integer) as row_footnote_number,
        'page' as printed_in,
        cbs.source_file,
        cbs.source_line,
        cbs.source_url,
        {{ cbs_page_language('cbs.source_url') }} as page_language,
        cast(null as varchar) as quoted_item,
        cbs.value_printed,
        'published' as value_status,
        cast(cbs.value as decimal(18, 4)) as value,
        cast(cbs.value as decimal(18, 4)) as value_transcribed,
        cbs_read.value_qualifier,
        cbs.is_approximate,
        cbs.transcriber_note,
        'count' as unit,
        'fct_figures' as fact_table,
        cast(null as boolean) as is_latest_edition,
        cbs.is_latest_vintage,
        cbs.publisher,
        cbs.published_printed,
        cbs.published_on,
        cbs.nationality_printed,
        cast(cbs.value_low as decimal(18, 4)) as value_low,
        cast(cbs.value_high as decimal(18, 4)) as value_high,
        cbs.printed_precision,
        cbs.is_provisional

    from cbs
    inner join cbs_read on cbs.source_file = cbs_read.source_file and cbs.source_line = cbs_read.source_line
    left join cbs_nationalities on cbs.nationality_printed = cbs_nationalities.nationality_printed

),

all_figures as (

    -- all in the same column order
    select * from jaarcijfers_figures
    union all
    select * from news_figures
    union all
    select * from cbs_figures

),

final as (

    select
        figure_id,
        edition_year,
        reference_year,
        product_code,
        indicator_code,
        section_nl,
        subsection_nl,
        table_heading,
        row_label,
        table_footnote_number,
        row_footnote_number,
        printed_in,
        source_line,
        value_printed,
        value_status,
        value,
        unit,
        fact_table,
        is_latest_edition,
        coalesce(former_indicator_code, indicator_code) as metric_code,
        source_code,
        release_id,
        period_code,
        period_grain,
        period_start,
        period_end,
        period_printed,
        country_code,
        measure_en,
        measure_nl,
        measure_category,
        source_file,
        source_url,
        page_language,
        quoted_item,
        value_transcribed,
        value_qualifier,
        is_approximate,
        transcriber_note,
        is_latest_vintage,
        publisher,
        published_printed,
        published_on,
        nationality_printed,
        value_low,
        value_high,
        printed_precision,
        is_provisional

    from all_figures

)

select * from final
