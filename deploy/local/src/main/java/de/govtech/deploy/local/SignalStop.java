package de.govtech.deploy.local;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop the stack in order. A shutdown hook alone would not: platform-infra's servers
 * register hooks of their own, and the JVM runs all hooks at once, so PostgreSQL could stop before the services.
 * Handling the signals first (sun.misc.Signal, the supported jdk.unsupported API) stops everything in order; the
 * hooks then find nothing left to do. The shutdown hook stays as the fallback (System.exit, other signals).
 */
final class SignalStop {

    private SignalStop() {
    }

    /** Returns false when SIGINT cannot be handled: it was ignored when the JVM started (a background job). */
    static boolean install(Stack stack, Terminal terminal) {
        AtomicInteger received = new AtomicInteger();
        boolean interruptible = true;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (received.incrementAndGet() > 1) {
                        terminal.println("Still stopping, please wait " + terminal.ellipsis());
                        return;
                    }
                    Thread stopper = new Thread(() -> {
                        terminal.println("\nSIG" + signal.getName() + " received: stopping the stack " + terminal.ellipsis());
                        int code = 128 + signal.getNumber();
                        stack.stopOnSignal(code);
                        System.exit(code);
                    }, "stack-stop-on-signal");
                    stopper.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // SIGINT ignored by the parent shell (`cmd &` without job control), or -Xrs: the shutdown hook
                // below still stops everything on SIGTERM, only not strictly in order
                if (name.equals("INT")) {
                    interruptible = false;
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stack-stop-on-exit"));
        return interruptible;
    }
}
