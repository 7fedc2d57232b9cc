"""Taking the dashboard away: slides, the PowerPoint deck, the PDF executive
summary, static chart images and sanitised CSV/Excel.

``slides.build_deck`` is the one model of a presentation: the presentation
page draws it, ``pptx_deck`` writes it, and the command line uses both.
"""
