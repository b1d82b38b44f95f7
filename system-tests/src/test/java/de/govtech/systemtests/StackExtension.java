package de.govtech.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

import java.nio.file.Path;

/**
 * One stack for the whole test run: the first test class that needs it starts it, every later class gets the same
 * one, and JUnit closes it (the root store closes {@link AutoCloseable} values) after the last class. A start that
 * failed is remembered, so later classes fail at once with the same reason instead of starting again.
 * A test method or constructor gets the stack by declaring a {@link PlatformStack} parameter.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PlatformStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    /** A failed step prints what the launcher said meanwhile: a service that died shows up there. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StartAttempt attempt = context.getRoot().getStore(NAMESPACE).get(StartAttempt.class, StartAttempt.class);
        if (attempt != null && attempt.stack != null) {
            System.out.println(context.getDisplayName() + " failed; " + attempt.stack.outputTail());
        }
    }

    static PlatformStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StartAttempt.class, key -> StartAttempt.run(), StartAttempt.class)
                .stackOrFail();
    }

    /** The one start of the run: the stack, or why it did not come up. */
    static final class StartAttempt implements AutoCloseable {

        private final PlatformStack stack;
        private final Throwable failure;

        private StartAttempt(PlatformStack stack, Throwable failure) {
            this.stack = stack;
            this.failure = failure;
        }

        static StartAttempt run() {
            Path moduleDir = Path.of(System.getProperty("govtech.systemtests.module-dir", "")).toAbsolutePath();
            String running = System.getProperty("govtech.systemtests.running-stack", "");
            if (!running.isBlank()) {
                return new StartAttempt(PlatformStack.attach(Integer.parseInt(running.strip())), null);
            }
            try {
                PlatformStack stack = PlatformStack.start(moduleDir);
                System.out.println("Stack up in " + stack.startedIn().toSeconds() + " s: gateway " + stack.gatewayUrl()
                        + ", Keycloak " + stack.keycloakUrl() + ", Kafka " + stack.kafkaBootstrapServers()
                        + " (port offset " + stack.portOffset() + "), logs in " + stack.logsDir());
                return new StartAttempt(stack, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new StartAttempt(null, e);
            } catch (AssertionError | RuntimeException e) {
                return new StartAttempt(null, e);
            }
        }

        PlatformStack stackOrFail() {
            if (failure != null) {
                throw new AssertionError(failure.getMessage(), failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                long begin = System.nanoTime();
                stack.close();
                System.out.println("Stack stopped in " + (System.nanoTime() - begin) / 1_000_000_000 + " s");
            }
        }
    }
}
