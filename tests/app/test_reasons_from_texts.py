"""The "Reasons from texts" section of Reasons & channels in AppTest, on a small demo store
(120 days, ~150 contacts a day, the QR-code problem hidden under "Other").

An editor first sees the learning's progress (it runs in a background job, never on the
page's thread), then, once the job is done, the held-out accuracy, the suggestions offered
for "Other" and the candidate new reasons with the hidden problem rising, in English and, on
the same finished job, in Dutch. A viewer sees a sentence that texts are hidden and nothing
learned from them, and starts no job. A store without reason codes shows a proposed tree."""

from __future__ import annotations

import contextvars
import shutil

import pytest

from analytics import actions, i18n
from analytics.actions import ReasonPath
from analytics.access import Actor, Role, acting_as
from analytics.formatting import count, percent
from analytics.i18n import t
from tests.support.stores import run_cli, uncode
from ui.background import BackgroundJob

PAGE = "pages/reasons.py"
QUERY = {"reasons_section": "Reasons from texts"}
WAIT_SECONDS = 180


@pytest.fixture(scope="module")
def text_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("from-texts") / "contacts.duckdb"
    run_cli("demo", "--db", str(path), "--days", "120", "--contacts-per-day", "150", "--seed", "7",
            "--end", "2026-06-30")
    return path


@pytest.fixture(scope="module")
def uncoded_store(text_store, tmp_path_factory):
    """The same contacts exported without reason codes: every one "Not coded"."""
    path = tmp_path_factory.mktemp("uncoded") / "contacts.duckdb"
    shutil.copy(text_store, path)
    return uncode(path)


@pytest.fixture
def speak(monkeypatch):
    """AppTest runs a page it switched to without the frame that reads ``?lang=``: make the
    language the default of the script threads, as the frame's switch does."""
    def set_language(language: str) -> None:
        monkeypatch.setattr(i18n, "_active", contextvars.ContextVar("language", default=language))
    return set_language


@pytest.fixture
def as_role(monkeypatch):
    def set_role(name: str) -> None:
        monkeypatch.setenv("CONTACTS_AUTH", "local")
        monkeypatch.setenv("CONTACTS_LOCAL_ROLE", name)
    return set_role


def _finished(at):
    """The run after the section's background job ended."""
    running = BackgroundJob.running()
    assert running, "the section should have started its job in the background"
    assert all(job.wait(WAIT_SECONDS) for job in running)
    at.run()
    assert not at.exception
    return at


def _found():
    """The finished job's result, as the page's cache holds it (the app's store, its version)."""
    from ui import cache

    with acting_as(Actor("test", Role.EDITOR)):
        job = cache.reasons_from_texts(cache.texts_version(cache.current_data_version()))
    assert job.done and job.error is None
    return job.result


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_an_editor_sees_progress_then_the_figures_in_english_and_dutch(app_on, text_store, as_role, speak):
    as_role("editor")
    speak("en")
    at = app_on(text_store, page=PAGE, query=QUERY)
    assert not at.exception
    assert len(at.get("progress")) == 1  # learning takes seconds: the first run shows how far it got
    assert not at.metric

    at = _finished(at)
    found = _found()
    result = found.suggestions
    assert not at.get("progress")
    assert _metric(at, t("from_texts.top1", language="en")) == percent(result.held_out_top1, digits=1, language="en")
    assert result.held_out_top1 > 0.9 and result.calibration_error < 0.05
    offered = result.offered
    sentence = t("from_texts.suggestions_sentence", language="en", offered=count(len(offered), language="en"),
                 targets=count(len(result.suggestions), language="en"),
                 reasons=count(offered["suggested_path"].nunique(), language="en"))
    assert sentence in _markdown(at)
    tables = {tuple(frame.value.columns): frame.value for frame in at.dataframe}
    accuracy = next(frame for columns, frame in tables.items() if "recorded" in columns)
    assert len(accuracy) == len(result.reason_accuracy)
    suggested = next(frame for columns, frame in tables.items() if "suggested_path" in columns)
    assert suggested["contacts"].sum() == len(offered)
    candidates = next(frame for columns, frame in tables.items() if "rising" in columns)
    assert candidates.loc[candidates["rising"], "name"].str.contains("qr|retourlabel").any()
    assert at.get("plotly_chart")  # the rising candidates' weekly counts

    speak("nl")  # the same finished job, read in Dutch
    at.run()
    assert not at.exception
    assert at.subheader[0].value == t("from_texts.title", language="nl")
    assert _metric(at, t("from_texts.top1", language="nl")) == percent(result.held_out_top1, digits=1, language="nl")
    assert t("from_texts.suggestions_sentence", language="nl", offered=count(len(offered), language="nl"),
             targets=count(len(result.suggestions), language="nl"),
             reasons=count(offered["suggested_path"].nunique(), language="nl")) in _markdown(at)

    # An action written meanwhile changes no text and no reason: nothing is learned again.
    from ui import cache

    running = len(BackgroundJob.running())
    conn = cache.connection()
    reason = conn.cursor().execute("select reason_l1 from reasons order by reason_l1 limit 1").fetchone()[0]
    with acting_as(Actor("erin@example.org", Role.EDITOR)):
        actions.add_action(conn, ReasonPath(reason), action="Call the carrier")
    at.run()
    assert not at.exception and not at.get("progress")
    assert len(BackgroundJob.running()) == running
    assert _metric(at, t("from_texts.top1", language="nl")) == percent(result.held_out_top1, digits=1, language="nl")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_viewer_sees_that_texts_are_hidden_and_nothing_learned(app_on, text_store, as_role, speak, language):
    as_role("viewer")
    speak(language)
    before = len(BackgroundJob.running())
    at = app_on(text_store, page=PAGE, query={**QUERY, "lang": language})
    assert not at.exception
    hidden = t("reasons.texts_hidden", language=language, role=t("roles.role_viewer", language=language))
    assert [i.value for i in at.info] == [hidden]
    assert not at.metric and not at.dataframe and not at.get("progress")
    assert len(BackgroundJob.running()) == before  # no learning started for a viewer


def test_a_store_without_reason_codes_gets_a_proposed_tree(app_on, uncoded_store, as_role, speak):
    as_role("editor")
    speak("en")
    at = _finished(app_on(uncoded_store, page=PAGE, query=QUERY))
    found = _found()
    assert found.suggestions is None and found.tree is not None
    assert not at.metric  # nothing to measure without reasons to learn from
    assert f"#### {t('from_texts.tree')}" in _markdown(at)
    tree = next(frame.value for frame in at.dataframe if "level_1" in frame.value.columns)
    assert len(tree) == len(found.tree.tree.nodes)
    assert tree["level_1"].nunique() <= 7


def test_an_editor_adopts_the_proposed_tree_and_the_contacts_move(app_on, uncoded_store, as_role, speak, tmp_path):
    """Default names: every option but "Overig" adopted as proposed; the button moves the
    uncoded contacts, says how many, and keeps the recorded reason."""
    path = tmp_path / "contacts.duckdb"
    shutil.copy(uncoded_store, path)
    as_role("editor")
    speak("nl")
    at = _finished(app_on(path, page=PAGE, query={**QUERY, "lang": "nl"}))
    tree = _found().tree.tree
    names = next(frame.value for frame in at.dataframe if "name" in frame.value.columns)
    assert names["name"].tolist() == [node.name for node in tree.nodes]
    at.button(key="reasons_tree_adopt").click().run()
    assert not at.exception and not at.error
    # The contacts move in a background job; the page shows its progress meanwhile.
    from ui.reason_suggestions_panel import ADOPTION_KEY

    job = at.session_state[ADOPTION_KEY]
    assert job.wait(300)
    assert (job.fraction, job.step) == (1.0, "done")
    at.run()
    assert not at.exception and not at.error

    from ui import cache

    conn = cache.connection().cursor()  # the app's own connection to the store it wrote
    moved = conn.execute("select count(*) from contacts where recorded_l1 = 'Not coded'").fetchone()[0]
    reasons = conn.execute("select count(distinct concat_ws(' > ', reason_l1, nullif(reason_l2, ''))) from contacts "
                           "where recorded_l1 is not null").fetchone()[0]
    in_other = conn.execute("select count(*) from contacts where recorded_l1 is null and text is not null"
                            ).fetchone()[0]
    conn.close()
    assert moved > 0.9 * sum(node.size for node in tree.options() if node.name != "Overig")
    assert in_other > 0  # the wordless texts of "Overig" stay uncoded
    adopted = [s.value for s in at.success]
    assert len(adopted) == 1 and count(moved, language="nl") in adopted[0] and f" {reasons} " in adopted[0]
    assert adopted[0].startswith("Overgenomen:")
    # The next proposal is for the texts still without a reason, and says so.
    at = _finished(at)
    already = t("tree_adoption.already", language="nl", contacts=count(moved, language="nl"))
    assert already in [c.value for c in at.caption]
