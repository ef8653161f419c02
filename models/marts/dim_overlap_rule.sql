with

rules as (

    select * from {{ ref('stg_reference__overlap_register') }}

),

final as (

    select
        rule_code,
        subject,
        relation,
        object,
        may_add,
        what_may_be_added,
        evidence,
        enforced_by

    from rules

)

select * from final
