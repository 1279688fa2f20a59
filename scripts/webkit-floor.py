"""The platform's floor for `make bench`: a bare WebKitGTK window (the same web view library the
app uses, with nothing of Alongside in it) showing a one-heading page.

Prints `webkit-floor-shown-ms N` when the page has drawn its second animation frame (the same
moment the app reports for its overview), measured from the start of this process, then stays
open until it is killed, so its idle memory can be read like the app's.
Needs Debian's python3-gi and gir1.2-webkit2-4.1.
"""

import time

STARTED = time.monotonic()

import gi  # noqa: E402

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

PAGE = """<!doctype html><html lang="en"><body><main><h1>Overview</h1></main><script>
requestAnimationFrame(() => requestAnimationFrame(() =>
  window.webkit.messageHandlers.shown.postMessage("shown")));
</script></body></html>"""


def shown(*_args):
    print(f"webkit-floor-shown-ms {(time.monotonic() - STARTED) * 1000:.1f}", flush=True)


content = WebKit2.UserContentManager()
content.connect("script-message-received::shown", shown)
content.register_script_message_handler("shown")
window = Gtk.Window(title="WebKitGTK floor")
window.set_default_size(1120, 780)
view = WebKit2.WebView.new_with_user_content_manager(content)
window.add(view)
window.connect("destroy", Gtk.main_quit)
window.show_all()
view.load_html(PAGE, "about:blank")
Gtk.main()
