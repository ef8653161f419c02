with

footnotes as (

    select * from {{ ref('stg_jaarcijfers__footnotes') }}

),

final as (

    select
        edition_year,
        footnote_number,
        footnote_marker,
        footnote_text_nl,
        source_line

    from footnotes

)

select * from final
