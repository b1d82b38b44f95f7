package de.govtech.platform.events;

import java.util.List;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: each context attribute
 * is a header {@code ce_<attribute>} with a UTF-8 string value; {@code datacontenttype} is the {@code content-type}
 * header; the record value is the event data.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** The value of {@link #SPEC_VERSION}. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** The only data content type of the platform's events. */
    public static final String APPLICATION_JSON = "application/json";

    /** Headers every platform event carries (CloudEvents requires the first four; the platform also time and subject). */
    public static final List<String> REQUIRED = List.of(SPEC_VERSION, ID, SOURCE, TYPE, TIME, SUBJECT);

    /** All headers written by {@link CloudEventCodec}, in the order they are written. */
    public static final List<String> ALL = List.of(SPEC_VERSION, ID, SOURCE, TYPE, TIME, SUBJECT, CONTENT_TYPE);

    private CloudEventHeaders() {
    }
}
