"""Interface text, one module per area of the app (``core``, ``ratios`` …).

Each module holds ``EN`` (and, once translated, ``NL``): a dict from key to text.
``analytics.i18n`` merges every module found here, so adding a page means adding a module,
not editing a shared file.
"""
