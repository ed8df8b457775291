from newsclaims.models.ids import article_id, claim_id, content_hash


def test_ids_stable_and_distinct():
    assert article_id("a/b.md") == article_id("a/b.md")
    assert article_id("a/b.md") != article_id("a/c.md")
    a = article_id("a/b.md")
    assert claim_id(a, "Sales rose.", 1) == claim_id(a, "Sales rose.", 1)
    assert claim_id(a, "Sales rose.", 1) != claim_id(a, "Sales rose.", 2)
    assert claim_id(a, "Sales rose.", 1, 0) != claim_id(a, "Sales rose.", 1, 1)
    assert content_hash("x") != content_hash("y")


def test_ids_known_values():
    # Pinned: ids are keys in downstream databases and must never change silently.
    assert article_id("seed-article.txt") == "a_93db598e80d00930"
