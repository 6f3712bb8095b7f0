"""pantau.nlp: pure text -> structured records for Indonesian corrections news.

No network, no database: everything here takes strings and returns the typed records of
`nlp.records`, so the same code serves the Prefect flows, `pantau extract` and notebooks.
"""
