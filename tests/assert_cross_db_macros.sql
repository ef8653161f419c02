-- The macros of macros/cross_db/, whose SQL differs by engine, give every engine the same
-- answers. Each row names the macro and the case whose answer is not the one expected.
-- (fail_build's message is tested by building a broken seed: python/tests/test_build.py on
-- DuckDB, python/tests/test_engines_compare.py on PostgreSQL.)
with

answers as (

    select cases.* from (
        values
        (
            'regexp_group', 'a group',
            {{ regexp_group("'bijna 2.823'", "'^(bijna|ruim) ([0-9.]+)$'", 2) }}, '2.823'
        ),
        (
            'regexp_group', 'no match',
            {{ regexp_group("'2.823'", "'^(bijna|ruim) ([0-9.]+)$'", 1) }}, ''
        ),
        (
            'regexp_group', 'a group that takes no part',
            {{ regexp_group("'2.823'", "'^(?:(bijna) )?([0-9.]+)$'", 1) }}, ''
        ),
        (
            'regexp_group', 'NULL',
            coalesce({{ regexp_group("cast(null as varchar)", "'(a)'", 1) }}, 'NULL'), 'NULL'
        ),
        (
            'checked_cast', 'a checked date',
            cast({{ checked_cast("'2024-02-29'", 'date') }} as varchar), '2024-02-29'
        ),
        (
            'checked_cast', 'a checked decimal',
            cast({{ checked_cast("'5416.5'", 'decimal(18, 4)') }} as varchar), '5416.5000'
        ),
        (
            'integer_quotient', 'truncates',
            cast({{ integer_quotient('7', '2') }} as varchar), '3'
        ),
        (
            'integer_quotient', 'beyond a bigint, exactly',
            cast({{ integer_quotient('cast(638062500000000000000 as decimal(38, 0))', '10000') }} as varchar),
            '63806250000000000'
        ),
        ('thousands_grouped', 'thousands', {{ thousands_grouped('38670') }}, '38,670'),
        ('thousands_grouped', 'negative, millions', {{ thousands_grouped('-1234567') }}, '-1,234,567'),
        ('thousands_grouped', 'zero', {{ thousands_grouped('0') }}, '0'),
        (
            'fail_build', 'has its branch''s type where no row reaches it',
            cast(
                case when 1 = 0 then {{ fail_build(["'never'"], 'date') }} else cast('2024-01-31' as date) end
                as varchar
            ),
            '2024-01-31'
        ),
        (
            'is_iso_date', 'a leap day, not one, a century that is not leap, one that is, a month 13',
            concat(
                {{ is_iso_date("'2024-02-29'") }}, ' ', {{ is_iso_date("'2023-02-29'") }}, ' ',
                {{ is_iso_date("'1900-02-29'") }}, ' ', {{ is_iso_date("'2000-02-29'") }}, ' ',
                {{ is_iso_date("'2024-13-01'") }}
            ),
            concat(true, ' ', false, ' ', false, ' ', true, ' ', false)
        )
    ) as cases (macro_name, case_name, answer, expected)

)

select
    macro_name,
    case_name,
    concat('answered ', coalesce(answer, 'NULL'), ', expected ', expected) as failure
from answers
where answer is distinct from expected
