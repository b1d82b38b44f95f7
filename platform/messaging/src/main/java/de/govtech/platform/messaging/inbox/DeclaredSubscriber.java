package de.govtech.platform.messaging.inbox;

import io.quarkus.arc.InstanceHandle;

import java.util.function.Supplier;

/**
 * An {@link EventHandler} bean as the application declares it: where it is declared, and the subscription and inbox
 * consumer its {@link Subscribes} names (both null without one). The handler itself is created only when its
 * subscription starts.
 */
record DeclaredSubscriber(String declaredBy, String subscription, String consumer, Supplier<EventHandler> handler) {

    static DeclaredSubscriber of(InstanceHandle<EventHandler> bean) {
        Subscribes subscribes = bean.getBean().getQualifiers().stream()
                .filter(Subscribes.class::isInstance).map(Subscribes.class::cast).findFirst().orElse(null);
        return new DeclaredSubscriber(bean.getBean().getBeanClass().getName(),
                subscribes == null ? null : subscribes.subscription(),
                subscribes == null ? null : subscribes.consumer(), bean::get);
    }
}
