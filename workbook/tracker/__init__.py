"""Living the abstinence plan one day at a time: the start date, check-ins, urges and slips
(journal.py), their records, the streak of days, trends, and the facts the plan shows.

It may import content and store; never the plan, the UI or the command line.
"""
