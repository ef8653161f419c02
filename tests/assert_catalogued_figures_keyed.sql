-- The CBS and other publishers' figures as catalogued: one row per figure, release and check,
-- each placed on an indicator, a release and a period grain. A row names the model, the check and
-- the offending value.
{{ key_violations([
    {'model': 'int_cbs__figures_catalogued', 'check': 'unique', 'columns': ['figure_id']},
    {'model': 'int_cbs__figures_catalogued', 'check': 'not_null', 'columns': ['figure_id']},
    {'model': 'int_cbs__figures_catalogued', 'check': 'not_null', 'columns': ['release_id']},
    {'model': 'int_cbs__figures_catalogued', 'check': 'not_null', 'columns': ['indicator_code']},
    {'model': 'int_cbs__figures_catalogued', 'check': 'accepted_values', 'columns': ['period_grain'],
        'values': ['year', 'half_year', 'quarter', 'month', 'months']},
    {'model': 'int_cbs__releases', 'check': 'unique', 'columns': ['release_id']},
    {'model': 'int_cbs__releases', 'check': 'not_null', 'columns': ['release_id']},
    {'model': 'int_other_publishers__quotes_catalogued', 'check': 'unique', 'columns': ['figure_id']},
    {'model': 'int_cbs__consistency_checks', 'check': 'unique', 'columns': ['check_id']},
    {'model': 'int_cbs__consistency_checks', 'check': 'not_null', 'columns': ['check_id']},
]) }}
