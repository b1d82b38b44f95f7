package de.govtech.learning.shared;

/** The realm role this service adds to the platform's roles. */
public final class LearningRoles {

    /** Authors courses and workshops (Redaktion des Lernprogramms). */
    public static final String LEARNING_EDITOR = "learning-editor";

    private LearningRoles() {
    }
}
