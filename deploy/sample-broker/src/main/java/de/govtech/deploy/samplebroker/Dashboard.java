package de.govtech.deploy.samplebroker;

/** The page behind an instance's dashboard URL (open, no login: it is a demo). */
final class Dashboard {

    private Dashboard() {
    }

    static Reply page(InstanceStore store, String instanceId) {
        return store.find(instanceId)
                .map(snapshot -> Reply.html(200, "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                        + "<title>Bürgerservice (Demo)</title></head><body><h1>Bürgerservice (Demo)</h1>"
                        + "<p>Instanz <code>" + escape(instanceId) + "</code>: " + escape(snapshot.instance().operation())
                        + " " + escape(snapshot.instance().state()) + "</p></body></html>"))
                .orElseGet(() -> Reply.html(404, "<!doctype html><title>not found</title><p>no such instance</p>"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
