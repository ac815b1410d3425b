"""Many people, or many clicks, at the same moment, through the real views on PostgreSQL:
nothing typed is lost and nothing is saved twice."""


import pytest
from django.test import Client
from django.urls import reverse

from stories.models import ArticleDraft, ArticleVersion
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from tests.conftest import make_user
from tests.races import all_at_once
from tests.views.compose_form import DraftForm

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 20

# Our own copy: a long council story, one distinct paragraph a line, so a draft has 24 paragraphs.
HEARING = """Harbour Council Delays Vote on Ferry Budget

ALDERPORT (Northwire) - The harbour council put off its ferry budget vote on Thursday after a hearing past midnight.
Deputy mayor Ines Varga said the delay would cost the town nothing.
Ferry captains told councillors that two of the four boats need new engines before winter.
The finance office put the cost of the engines at 2.4 million crowns.
Residents of the outer islands filled the public gallery and applauded each speaker.
A school bus driver described waiting forty minutes at the quay in January.
The opposition leader called the budget a patchwork of promises.
Council staff will rewrite the maintenance plan over the next fortnight.
Two fishing cooperatives asked for a later morning departure in the summer months.
The ferry company's chief engineer warned that spare parts now take months to arrive.
A proposal to raise fares for visitors was sent back to committee.
Students from the maritime college presented a study of fuel use.
Their figures suggested the slower crossing would cut diesel costs by a fifth.
The harbour master asked for a new mooring at the north pier.
Shopkeepers on the quay said late boats cost them evening trade.
One councillor proposed selling the oldest ferry to a museum.
The idea drew laughter but was put on the agenda for March.
Police reported no incidents during the long evening.
The council's next meeting is set for the first Tuesday of next month.
Minutes of the hearing will be published on the town's website.
A petition with eleven hundred names was handed to the clerk.
The mayor thanked the islanders for travelling to the hearing by the last boat.
Several speakers asked that the timetable be printed again in large type.
Councillors left the chamber shortly before one o'clock in the morning.
"""


@pytest.fixture
def hearing():
    return ingest_files(files=[IncomingCopy("hearing.txt", HEARING.encode())], user=None).story


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def marker(n: int) -> str:
    return f"[change {n:02d}]"


def test_paragraph_edits_to_one_draft_at_the_same_moment_all_land(hearing, edith_editor):
    page = logged_in(edith_editor).get(reverse("stories:compose", args=[hearing.pk])).content.decode()
    assert len(DraftForm(page).ids) >= PEOPLE
    edit = reverse("stories:edit_draft", args=[hearing.pk])

    def type_in_own_paragraph(n: int) -> int:
        form = DraftForm(page)  # each its own copy of the page, typing in one paragraph
        typed = form.type(n + 1, form.text(n + 1) + " " + marker(n))
        return logged_in(edith_editor).post(edit, typed.data(), headers={"HX-Request": "true"}).status_code

    assert all_at_once(PEOPLE, type_in_own_paragraph) == [200] * PEOPLE
    paragraphs = ArticleDraft.objects.get(editor=edith_editor).paragraphs
    assert [marker(n) in paragraphs[n]["text"] for n in range(PEOPLE)] == [True] * PEOPLE


def test_a_storm_of_submits_of_one_save_form_makes_one_version(hearing, edith_editor):
    form = DraftForm.of(logged_in(edith_editor), hearing).type(1, "Typed once, saved once.")
    save = reverse("stories:save_draft", args=[hearing.pk])
    answers = all_at_once(PEOPLE, lambda n: logged_in(edith_editor).post(save, form.data(reason="once")).status_code)
    assert answers == [302] * PEOPLE
    assert list(ArticleVersion.objects.values_list("number", flat=True)) == [1]
    assert ArticleVersion.objects.get().body.startswith("Typed once, saved once.")


def test_people_saving_from_one_base_version_all_end_in_the_newest(hearing, django_user_model, edith_editor):
    article = article_for(hearing)
    save_draft(draft=draft_for(article=article, editor=edith_editor), reason="first")
    people = [make_user(django_user_model, f"editor{n:02d}", "Editor") for n in range(PEOPLE)]
    pages = [DraftForm.of(logged_in(person), hearing) for person in people]
    assert {page.fields["base"] for page in pages} == {"1"}
    save = reverse("stories:save_draft", args=[hearing.pk])

    def save_own_paragraph(n: int) -> int:
        typed = pages[n].type(n + 1, pages[n].text(n + 1) + " " + marker(n))
        return logged_in(people[n]).post(save, typed.data(reason=f"paragraph {n + 1}")).status_code

    assert all_at_once(PEOPLE, save_own_paragraph) == [302] * PEOPLE, "a saver was shown the merge prompt"
    newest = ArticleVersion.objects.order_by("-number").first()
    assert newest.number == PEOPLE + 1
    assert [marker(n) in newest.paragraphs[n]["text"] for n in range(PEOPLE)] == [True] * PEOPLE
