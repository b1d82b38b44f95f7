package de.govtech.deploy.samplebroker;

import java.util.ArrayList;
import java.util.List;

/** Every request received, in arrival order. */
final class RequestRecorder {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
