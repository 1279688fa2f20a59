#!/usr/bin/python3
"""A stand-in for the desktop portal's Settings on the test's private D-Bus session: it answers
ReadOne/Read for org.freedesktop.appearance color-scheme and, for each line on stdin ("dark",
"light" or "none"), changes it and emits SettingChanged as GNOME's portal does. Prints "ready"
once it owns its name."""

import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.portal.Settings">
    <method name="ReadAll"><arg type="as" direction="in"/><arg type="a{sa{sv}}" direction="out"/></method>
    <method name="Read"><arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="v" direction="out"/></method>
    <method name="ReadOne"><arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="v" direction="out"/></method>
    <signal name="SettingChanged"><arg type="s"/><arg type="s"/><arg type="v"/></signal>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""
SCHEMES = {"none": 0, "dark": 1, "light": 2}
state = {"scheme": SCHEMES["light"], "conn": None}


def value():
    return GLib.Variant("u", state["scheme"])


def on_call(conn, sender, path, iface, method, params, invocation):
    namespace_key = params.unpack() if method != "ReadAll" else None
    if method == "ReadAll":
        settings = {"org.freedesktop.appearance": {"color-scheme": value()}}
        invocation.return_value(GLib.Variant("(a{sa{sv}})", (settings,)))
    elif namespace_key == ("org.freedesktop.appearance", "color-scheme"):
        inner = value() if method == "ReadOne" else GLib.Variant("v", value())
        invocation.return_value(GLib.Variant("(v)", (inner,)))
    else:
        invocation.return_dbus_error("org.freedesktop.portal.Error.NotFound", "Requested setting not found")


def on_property(conn, sender, path, iface, name):
    return GLib.Variant("u", 2)


def on_stdin(channel, condition):
    line = channel.readline()
    if not line:
        loop.quit()
        return False
    scheme = line.strip()
    if scheme in SCHEMES:
        state["scheme"] = SCHEMES[scheme]
        state["conn"].emit_signal(
            None,
            "/org/freedesktop/portal/desktop",
            "org.freedesktop.portal.Settings",
            "SettingChanged",
            GLib.Variant("(ssv)", ("org.freedesktop.appearance", "color-scheme", value())),
        )
        state["conn"].flush_sync(None)
        print(f"now {scheme}", flush=True)
    return True


def on_bus(conn, name):
    state["conn"] = conn
    info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
    conn.register_object("/org/freedesktop/portal/desktop", info, on_call, on_property, None)


def on_name(conn, name):
    print("ready", flush=True)


loop = GLib.MainLoop()
Gio.bus_own_name(
    Gio.BusType.SESSION, "org.freedesktop.portal.Desktop", Gio.BusNameOwnerFlags.NONE, on_bus, on_name, None
)
GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.IO_IN | GLib.IO_HUP, on_stdin)
loop.run()
