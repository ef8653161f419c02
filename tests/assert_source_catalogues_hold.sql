-- The reviewed catalogues of the CBS and other publishers' sources, and their files' staging:
-- every key once and present, every code one the warehouse knows. A row names the model, the
-- check and the offending value; fix the seed the model reads (seeds/reference/<model's name>.csv).
{{ key_violations([
    {'model': 'stg_reference__cbs_measures', 'check': 'unique', 'columns': ['measure_en', 'measure_nl', 'source_url']},
    {'model': 'stg_reference__cbs_measures', 'check': 'relationship', 'columns': ['indicator_code'],
        'to': 'stg_reference__indicators', 'field': 'indicator_code'},
    {'model': 'stg_reference__cbs_nationalities', 'check': 'unique', 'columns': ['nationality_printed']},
    {'model': 'stg_reference__cbs_nationalities', 'check': 'not_null', 'columns': ['nationality_printed']},
    {'model': 'stg_reference__cbs_nationalities', 'check': 'accepted_values', 'columns': ['nationality_kind'],
        'values': ['country', 'stateless', 'unknown', 'former_state', 'other', 'combined']},
    {'model': 'stg_reference__cbs_nationalities', 'check': 'not_null', 'columns': ['country_code']},
    {'model': 'stg_reference__cbs_nationalities', 'check': 'relationship', 'columns': ['nationality_code'],
        'to': 'stg_reference__nationalities', 'field': 'nationality_code'},
    {'model': 'stg_reference__cbs_releases', 'check': 'unique', 'columns': ['source_url']},
    {'model': 'stg_reference__cbs_releases', 'check': 'not_null', 'columns': ['source_url']},
    {'model': 'stg_reference__other_publishers_worded_values', 'check': 'unique', 'columns': ['value_printed']},
    {'model': 'stg_reference__other_publishers_worded_values', 'check': 'not_null', 'columns': ['value_printed']},
    {'model': 'stg_reference__other_publishers_measures', 'check': 'unique', 'columns': ['entry_code']},
    {'model': 'stg_reference__other_publishers_measures', 'check': 'not_null', 'columns': ['entry_code']},
    {'model': 'stg_reference__other_publishers_publishers', 'check': 'unique', 'columns': ['publisher']},
    {'model': 'stg_reference__other_publishers_publishers', 'check': 'not_null', 'columns': ['publisher']},
    {'model': 'stg_reference__concept_register', 'check': 'unique', 'columns': ['rule_code']},
    {'model': 'stg_reference__concept_register', 'check': 'not_null', 'columns': ['rule_code']},
    {'model': 'stg_other_publishers__quotes', 'check': 'unique', 'columns': ['figure_id']},
    {'model': 'stg_other_publishers__files', 'check': 'unique', 'columns': ['load_order']},
]) }}
