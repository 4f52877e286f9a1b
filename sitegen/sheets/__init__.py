"""Spreadsheets in and out: `sitegen import` (rows → record files), `--template` and `export`.

Workers keep the 亮身份 roster, the 微心愿 list, the activity register and the 议事 ledger in
Excel or WPS long before they keep YAML; these modules let the sheet stay their tool.
columns (headers → fields) · cells (Excel's values → field values) · read (find the table) ·
records (a row → a record file) · importer (validate all, then write) · workbook (template, export).
"""
