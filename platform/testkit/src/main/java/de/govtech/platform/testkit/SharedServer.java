package de.govtech.platform.testkit;

/**
 * One server shared by all test resources that use it: started by the first {@link #acquire()}, closed by the
 * last {@link #release()} (and otherwise by the server's own shutdown hook at JVM exit).
 *
 * <p>Quarkus loads the test kit in a new class loader for every application it starts (each
 * {@code @TestProfile}), so "shared" means shared by the test classes of one application; closing on the last
 * release keeps a profile switch from leaving the previous servers running.
 */
final class SharedServer<T extends AutoCloseable> {

    interface Starter<T> {
        T start() throws Exception;
    }

    private final String what;
    private final Starter<T> starter;
    private T server;
    private int users;

    SharedServer(String what, Starter<T> starter) {
        this.what = what;
        this.starter = starter;
    }

    synchronized T acquire() {
        if (server == null) {
            try {
                server = starter.start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start " + what + " for the tests: " + e.getMessage(), e);
            }
        }
        users++;
        return server;
    }

    synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            T closing = server;
            server = null;
            try {
                closing.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop " + what, e);
            }
        }
    }

    synchronized T current() {
        if (server == null) {
            throw new IllegalStateException(what + " is not running: annotate the test class with @WithTestResource("
                    + "value = ..., scope = TestResourceScope.GLOBAL, parallel = true) for the matching test resource");
        }
        return server;
    }
}
