"""Finding anything the user wrote: one query over current answers, earlier versions, the
tracker's check-ins, urges and slips, and the user's own crisis lines.

folding.py makes text comparable (case, accents, curly quotes); query.py reads what the user
typed into words and "quoted phrases"; documents.py gathers the texts and where each lives;
corpus.py looks for a term in many texts at once; index.py ranks, keeps earlier versions
ready between searches, and answers a query; results.py is what comes back, with the matched
positions and a snippet.

It may import the tracker, content and the store; never the plan, the UI or the command line.
Nothing here is imported at start-up: the UI and the command line import it when a search is
first made.
"""
