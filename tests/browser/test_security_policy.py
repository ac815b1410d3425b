"""The Content-Security-Policy holds in a real Chromium: the header is sent, and a page that
tried to run inline script or style would be caught (the conftest fails any browser test
on a violation; this test proves the watch works)."""

import pytest

from tests.browser.conftest import CSP_VIOLATIONS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_policy_is_sent_and_an_injected_inline_script_is_refused(page, live_server, edith_editor):
    log_in(page, live_server, "edith")
    response = page.goto(f"{live_server.url}/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.ranInline = true';
        document.body.appendChild(script);
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ranInline === undefined")
    assert any("inline script" in violation for violation in CSP_VIOLATIONS)
    CSP_VIOLATIONS.clear()  # the violation this test made on purpose
