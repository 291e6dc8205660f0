"""The web explorer in a real browser: pages load, the network draws and navigates, evidence is
highlighted, untrusted text stays text, nothing is fetched from outside the server."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fixture_store import PAYLOAD_TEXT, PAYLOAD_TITLE
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]


def rows(store_path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{store_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def actor_id(store_path: Path, name: str) -> int:
    return int(rows(store_path, "SELECT id FROM actors WHERE name = ? ORDER BY id LIMIT 1", name)[0][0])


def test_overview_loads(page: Page, store_path: Path, screenshot: Shot) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/-/newsgraph$"))
    n_events = rows(store_path, "SELECT COUNT(*) FROM events")[0][0]
    expect(page.locator(".ng-count").nth(1)).to_contain_text(f"{n_events} event mentions")
    expect(page.get_by_role("heading", name="Most active dyads")).to_be_visible()
    conflicting = rows(store_path, "SELECT label FROM clusters WHERE conflicting = 1")
    assert conflicting, "the fixture must hold a conflicting cluster"
    expect(page.get_by_role("link", name=conflicting[0][0])).to_be_visible()
    screenshot(page, "overview")


def test_actor_graph_draws_and_navigates(page: Page, store_path: Path, screenshot: Shot) -> None:
    russia = actor_id(store_path, "Russia")
    north_korea = actor_id(store_path, "North Korea")
    counterparts = rows(
        store_path,
        """SELECT COUNT(DISTINCT o.actor_id) FROM event_actors me JOIN event_actors o
           ON o.event_id = me.event_id AND o.actor_id != me.actor_id WHERE me.actor_id = ?""",
        russia,
    )[0][0]
    page.goto(f"/-/newsgraph/actor/{russia}")
    expect(page.locator("h1")).to_have_text("Russia")
    nodes = page.locator("#ng-graph a.ng-node")
    expect(nodes).to_have_count(counterparts + 1)
    assert page.locator("#ng-graph circle").count() == counterparts + 1
    edges = page.locator("#ng-graph path.ng-edge")
    assert edges.count() >= counterparts  # at least one edge per counterpart (one per type and direction)
    aid = page.locator('#ng-graph path.ng-edge[data-type="AID"][data-direction="out"]').first
    expect(aid.locator("title")).to_contain_text("negated 1")  # the denial counts on the edge
    expect(page.locator(".ng-timeline circle.ng-dot")).not_to_have_count(0)
    screenshot(page, "actor-russia")

    # the network pans by dragging its background and zooms with its buttons
    graph = page.locator("#ng-graph")
    fitted = [float(v) for v in (graph.get_attribute("viewBox") or "").split()]
    box = graph.bounding_box()
    assert box is not None and len(fitted) == 4
    page.mouse.move(box["x"] + 8, box["y"] + 8)
    page.mouse.down()
    page.mouse.move(box["x"] + 108, box["y"] + 58, steps=5)
    page.mouse.up()
    panned = [float(v) for v in (graph.get_attribute("viewBox") or "").split()]
    assert panned[0] < fitted[0] and panned[1] < fitted[1] and panned[2:] == fitted[2:]  # content moved right, down
    page.get_by_role("button", name="Zoom in").click()
    zoomed = [float(v) for v in (graph.get_attribute("viewBox") or "").split()]
    assert zoomed[2] < panned[2] and zoomed[3] < panned[3]
    page.get_by_role("button", name="Show the whole network").click()
    assert [float(v) for v in (graph.get_attribute("viewBox") or "").split()] == fitted
    expect(page).to_have_url(re.compile(rf"/-/newsgraph/actor/{russia}$"))  # dragging opened no node

    page.locator(f'#ng-graph a.ng-node[data-actor-id="{north_korea}"]').click()
    expect(page).to_have_url(re.compile(rf"/-/newsgraph/actor/{north_korea}$"))
    expect(page.locator("h1")).to_have_text("North Korea")
    expect(page.locator(f'#ng-graph a.ng-node[data-actor-id="{russia}"]')).to_have_count(1)


def test_actor_map_plots_places(page: Page, store_path: Path, screenshot: Shot) -> None:
    placed = rows(
        store_path,
        """SELECT ea.actor_id, COUNT(DISTINCT e.place_name) FROM events e JOIN event_actors ea ON ea.event_id = e.id
           WHERE e.lat IS NOT NULL GROUP BY ea.actor_id ORDER BY 2 DESC LIMIT 1""",
    )
    assert placed, "the fixture must hold an event with a geocoded place"
    who, n_places = placed[0]
    page.goto(f"/-/newsgraph/actor/{who}")
    expect(page.locator("svg.ng-map circle.ng-dot")).to_have_count(n_places)
    land = page.request.get(page.locator("svg.ng-map image.ng-land").get_attribute("href") or "")
    assert land.status == 200 and land.headers["content-type"].startswith("image/svg+xml")
    assert land.text().count("<path") >= 170 and "<title>Russia</title>" in land.text()  # countries and borders
    screenshot(page, "actor-map")


def test_cluster_highlights_evidence(page: Page, store_path: Path, screenshot: Shot) -> None:
    cluster = rows(store_path, "SELECT id FROM clusters WHERE conflicting = 1 ORDER BY n_mentions DESC LIMIT 1")[0][0]
    records = [json.loads(r[0]) for r in rows(store_path, "SELECT record FROM events WHERE cluster_id = ?", cluster)]
    page.goto(f"/-/newsgraph/cluster/{cluster}")
    cards = page.locator("article.ng-card")
    expect(cards).to_have_count(len(records))
    evidence = [m.text_content() for m in page.locator("mark.ng-m-evidence").all()]
    for record in records:
        assert record["evidence"]["text"] in evidence
    triggers = [m.text_content() for m in page.locator("mark.ng-m-evidence mark.ng-m-trigger").all()]
    assert sorted(triggers) == sorted(r["evidence"]["trigger"]["text"] for r in records)
    expect(page.locator(".ng-banner")).to_contain_text("disagree")
    values = [r[0] for r in rows(store_path, "SELECT value FROM conflicts WHERE cluster_id = ? AND kind = 'status'",
                                 cluster)]
    assert len(set(values)) > 1
    minority = min(set(values), key=values.count)
    dissent = page.locator("article.ng-card.ng-conflicting")
    expect(dissent).to_have_count(values.count(minority))
    expect(dissent.first.locator(".ng-dissent")).to_contain_text(f"this report: {minority}")
    screenshot(page, "cluster")


def test_article_links_events_to_clusters(page: Page, store_path: Path, screenshot: Shot) -> None:
    article, n_events = rows(
        store_path, "SELECT article_id, COUNT(*) FROM events GROUP BY article_id ORDER BY 2 DESC, 1 LIMIT 1")[0]
    page.goto(f"/-/newsgraph/article/{article}")
    links = page.locator(".ng-article-text a.ng-evlink")
    expect(links).to_have_count(n_events)
    links.first.click()
    expect(page).to_have_url(re.compile(r"/-/newsgraph/(cluster|event)/"))
    expect(page.locator("article.ng-card").first).to_be_visible()
    page.go_back()
    screenshot(page, "article")


def test_script_payload_renders_inert(page: Page, store_path: Path, watch: Any, screenshot: Shot) -> None:
    page.goto("/-/newsgraph/article/payload-1")
    expect(page.locator("h1")).to_have_text(PAYLOAD_TITLE)
    body = page.locator(".ng-article-text")
    expect(body).to_contain_text("<img src=x onerror=alert(1)>")
    expect(body).to_contain_text("<script>alert(1)</script>")
    assert (body.text_content() or "").replace("\u00a0", " ").startswith(PAYLOAD_TEXT[:40])
    assert page.locator("img").count() == 0
    assert page.locator("section.content script:not([type='application/json']):not([src])").count() == 0
    expect(page.locator(".ng-facts")).to_contain_text("<b>Bad Outlet</b>")
    assert page.locator(".ng-facts b").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.title().startswith(PAYLOAD_TITLE)
    screenshot(page, "payload-article")
    for path in ("/-/newsgraph", "/-/newsgraph/events?q=patrol+boats", "/-/newsgraph/events?q=%3Cscript%3E"):
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        assert page.locator("img").count() == 0
    expect(page.locator("section.content")).to_contain_text("<script>alert(1)</script>")
    spain = actor_id(store_path, "Spain")
    page.goto(f"/-/newsgraph/actor/{spain}")
    expect(page.locator("#ng-graph a.ng-node")).not_to_have_count(0)
    assert page.locator("img").count() == 0
    assert watch.dialogs == []


def test_events_search_and_filters(page: Page, store_path: Path, screenshot: Shot) -> None:
    negated = rows(store_path, "SELECT COUNT(*) FROM events WHERE status = 'negated'")[0][0]
    page.goto("/-/newsgraph/events?status=negated")
    expect(page.locator(".ng-table tbody tr")).to_have_count(negated)
    page.goto("/-/newsgraph/events")
    page.fill("input[name=q]", "Patriot batteries")
    page.click("button[type=submit]")
    expect(page.locator(".ng-hits li")).to_have_count(1)
    expect(page.locator(".ng-snippet mark").first).to_have_text(re.compile("Patriot|batteries"))
    expect(page.locator(".ng-table tbody tr")).not_to_have_count(0)
    screenshot(page, "events-search")
    bad = page.request.get("/-/newsgraph/events?since=not-a-date")  # not navigated: a 400 logs a console error
    assert bad.status == 400
    assert "since must be a date like 2024-03-01, not &#39;not-a-date&#39;" in bad.text()


def test_events_by_role_and_counterpart(page: Page, store_path: Path, screenshot: Shot) -> None:
    """ "What did Russia give North Korea?": North Korea as recipient, Russia on the other side."""
    expected = rows(store_path, """
        SELECT COUNT(DISTINCT e.id) FROM events e
        JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
        JOIN actors ta ON ta.id = t.actor_id AND ta.name LIKE '%North Korea%'
        JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
        JOIN actors sa ON sa.id = s.actor_id AND sa.name LIKE '%Russia%'""")[0][0]
    assert expected >= 2  # the fixture's deliveries
    page.goto("/-/newsgraph/events")
    page.fill("input[name=actor]", "North Korea")
    page.select_option("select[name=role]", "target")
    page.fill("input[name=counterpart]", "Russia")
    page.click("button[type=submit]")
    expect(page.locator(".ng-table tbody tr")).to_have_count(expected)
    expect(page.locator("select[name=role]")).to_have_value("target")  # the form keeps the conditions
    expect(page.locator("input[name=counterpart]")).to_have_value("Russia")
    screenshot(page, "events-role")


def test_claims_on_the_article_page_lead_to_the_source_page(page: Page, store_path: Path, watch: Any,
                                                             screenshot: Shot) -> None:
    article, source, n = rows(
        store_path, "SELECT article_id, source_name, COUNT(*) FROM claim_records WHERE source_name IS NOT NULL "
        "GROUP BY article_id ORDER BY 3 DESC, 1 LIMIT 1")[0]
    page.goto(f"/-/newsgraph/article/{article}")
    claims = page.locator("table.ng-claims tbody tr")
    expect(claims).to_have_count(n)
    page.locator("table.ng-claims a.ng-claim").first.click()
    expect(page).to_have_url(re.compile(r"/-/newsgraph/source\?name="))
    expect(page.locator("h1")).to_contain_text("What ")
    expect(page.locator("table.ng-claims tbody tr").first).to_be_visible()
    screenshot(page, "source")
    page.goto("/-/newsgraph/article/payload-1")  # the payload's claims stay text
    assert page.locator("section.content script:not([type='application/json']):not([src])").count() == 0
    assert page.locator("img").count() == 0
    assert watch.dialogs == []
