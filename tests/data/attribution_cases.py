"""Attribution and speaker cases: (article text, the sentence to check (a substring that
starts it), expected (attribution, speaker name or None, speaker kind or None, cue), and
whether the rules-only pipeline must get it too).

Articles are short but realistic; speakers are introduced the way wire copy introduces them.
"""

B = True  # the blank pipeline must pass this case too
T = False  # trained pipeline only

WANG = (
    "Wang Lianjun, Huawei's director of business strategy, spoke at a conference in Shenzhen. "
    "Huawei expects to open 1,000 stores this year, Wang said. "
    "He added that the brand would expand abroad."
)
BARRA = (
    "General Motors chief executive Mary Barra said on Tuesday that the carmaker would cut "
    "costs by $2 billion. Barra told analysts that demand remained strong. "
    '"We are not slowing down," she said. "Our plants are running at full capacity."'
)
TWO = (
    "Tim Cook, Apple's chief executive, met Jane Fraser, chief executive of Citigroup, in New "
    "York. Cook said the partnership would grow, while Fraser said the bank expected slower "
    "growth next year. She added that rates would stay high."
)
QUOTE_PARAS = (
    "Richard Yu, Huawei's consumer chief, said: \"We have the capability to sell 20,000 "
    "vehicles per month. That is only the start.\n\n"
    '"By next year we will double it," he said.\n\n'
    '"Our rivals are watching," he added.'
)
FLOATING = (
    '"The market has turned," said Anna Schmidt, an economist at Deutsche Bank. "Prices will '
    'fall by a third."\n\n"We see no sign of recovery before 2026."'
)

CASES = [
    # -- the speaker after the statement -------------------------------------------------
    (
        "Sales rose 5% in October, the company said.",
        "Sales",
        ("indirect", None, "organization", "say"),
        B,
    ),
    (
        "Sales rose 5% in October, an executive said.",
        "Sales",
        ("indirect", "an executive", "anonymous", "say"),
        B,
    ),
    (
        "Sales rose 5%, people familiar with the matter said.",
        "Sales",
        ("indirect", "people familiar with the matter", "anonymous", "say"),
        B,
    ),
    (
        "Prices will fall next year, analysts said.",
        "Prices",
        ("indirect", "analysts", "anonymous", "say"),
        B,
    ),
    (
        "The deal is worth $2 billion, two sources told Reuters.",
        "The deal",
        ("indirect", "two sources", "anonymous", "tell"),
        B,
    ),
    (
        "The plant will close in March, a spokesperson said.",
        "The plant",
        ("indirect", "a spokesperson", "anonymous", "say"),
        B,
    ),
    (
        "The plant will close in March, a Ford spokesperson said.",
        "The plant",
        ("indirect", "a Ford spokesperson", "anonymous", "say"),
        T,
    ),
    (
        "Exports fell 3%, the ministry said.",
        "Exports",
        ("indirect", None, "organization", "say"),
        B,
    ),
    # -- the speaker before the statement ------------------------------------------------
    (
        "Tesla said it delivered 400,000 cars in the quarter.",
        "Tesla",
        ("indirect", "Tesla", "organization", "say"),
        B,
    ),
    (
        "NIO said on Monday that deliveries rose 20%.",
        "NIO",
        ("indirect", "NIO", "organization", "say"),
        B,
    ),
    (
        "An executive said the company would hire 500 people.",
        "An executive",
        ("indirect", "An executive", "anonymous", "say"),
        B,
    ),
    (
        "Analysts expect revenue to rise 8% next year.",
        "Analysts",
        ("indirect", "Analysts", "anonymous", "expect"),
        T,
    ),
    (
        "The report showed that inflation slowed to 3.1% in May.",
        "The report",
        ("indirect", "The report", "document", "show"),
        T,
    ),
    (
        "A filing showed the fund sold 2 million shares.",
        "A filing",
        ("indirect", "A filing", "document", "show"),
        T,
    ),
    # -- according to ---------------------------------------------------------------------
    (
        "AITO delivered 12,018 vehicles in October, according to figures released this month.",
        "AITO",
        ("indirect", "figures released this month", "document", "according to"),
        B,
    ),
    (
        "Inflation rose to 4%, according to data from the statistics office.",
        "Inflation",
        ("indirect", "data from the statistics office", "document", "according to"),
        B,
    ),
    (
        "According to people familiar with the matter, the talks have stalled.",
        "According",
        ("indirect", "people familiar with the matter", "anonymous", "according to"),
        B,
    ),
    (
        WANG + " According to Wang, the stores will open in 2023.",
        "According",
        ("indirect", "Wang Lianjun", "person", "according to"),
        B,
    ),
    ("According to the report.", "According", ("indirect", "the report", "document", "according to"), B),
    ("According to Reuters calculations, based on data from the agency.", "According", ("indirect", "Reuters calculations", "document", "according to"), T),
    # -- registry: full names, surnames, pronouns, roles -----------------------------------
    (WANG, "Huawei expects", ("indirect", "Wang Lianjun", "person", "say"), B),
    (WANG, "He added", ("indirect", "Wang Lianjun", "person", "add"), B),
    (BARRA, "General Motors", ("indirect", "Mary Barra", "person", "say"), B),
    (BARRA, "Barra told", ("indirect", "Mary Barra", "person", "tell"), B),
    (BARRA, '"We are not', ("direct", "Mary Barra", "person", "say"), B),
    (BARRA, '"Our plants', ("direct", "Mary Barra", "person", "say"), B),
    (TWO, "Cook said", ("indirect", "Tim Cook", "person", "say"), B),
    (TWO, "She added", ("indirect", "Jane Fraser", "person", "add"), B),
    (
        "Jane Fraser, chief executive of Citigroup, spoke first. John Smith, an analyst at "
        "Barclays, followed. The executive said the bank would grow.",
        "The executive",
        ("indirect", "Jane Fraser", "person", "say"),
        T,
    ),
    # -- direct speech: speaker before, after, in the middle, over paragraphs -------------
    (
        '"We will grow fast," said Richard Yu, the chief executive.',
        '"We will',
        ("direct", "Richard Yu", "person", "say"),
        B,
    ),
    ('Richard Yu spoke first. "We will grow fast," Yu said.', '"We will', ("direct", "Richard Yu", "person", "say"), B),
    ('"We expect a strong year," Pfizer said.', '"We expect', ("direct", "Pfizer", "organization", "say"), T),
    ("Kestrel said in a statement that it expects the recall to cost about $60 million.", "Kestrel", ("indirect", "Kestrel", "organization", "say"), T),
    (
        'Mary Barra said: "We will grow fast this year."',
        "Mary Barra",
        ("direct", "Mary Barra", "person", "say"),
        B,
    ),
    (
        '"We will grow," Mary Barra said. "Demand is strong."',
        '"Demand',
        ("direct", "Mary Barra", "person", "say"),
        B,
    ),
    (QUOTE_PARAS, "That is only", ("direct", "Richard Yu", "person", "say"), B),
    (QUOTE_PARAS, '"By next year', ("direct", "Richard Yu", "person", "say"), B),
    (QUOTE_PARAS, '"Our rivals', ("direct", "Richard Yu", "person", "add"), B),
    (FLOATING, '"Prices will', ("direct", "Anna Schmidt", "person", "say"), B),
    (FLOATING, '"We see no', ("direct", "Anna Schmidt", "person", "say"), B),
    (
        "\u201cWe expect a strong year,\u201d the company said in a statement.",
        "\u201cWe",
        ("direct", None, "organization", "say"),
        B,
    ),
    (
        "'We expect a strong year,' said Jane Fraser.",
        "'We",
        ("direct", "Jane Fraser", "person", "say"),
        B,
    ),
    # -- not attributed -------------------------------------------------------------------
    ("Sales rose 5% in October.", "Sales", ("none", None, None, None), B),
    ("The company was founded in 1998 in Shanghai.", "The company", ("none", None, None, None), B),
    (
        "Critics have long said the tax is unfair.",
        "Critics",
        ("indirect", "Critics", "anonymous", "say"),
        T,
    ),
    ('The concept of "beta" is new to carmakers.', "The concept", ("none", None, None, None), B),
    ('"We will grow," she said.', '"We', ("direct", None, None, None), T),
]
