with

source as (

    select * from {{ ref('overlap_register') }}

),

renamed as (

    select
        rule_code,
        subject,
        relation,
        object,
        may_add,
        what_may_be_added,
        evidence,
        enforced_by

    from source

)

select * from renamed
