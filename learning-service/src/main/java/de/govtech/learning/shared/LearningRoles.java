package de.govtech.learning.shared;

import de.govtech.platform.support.security.Caller;

/** The realm role this service adds to the platform's roles. */
public final class LearningRoles {

    /** Authors courses and workshops (Redaktion des Lernprogramms). */
    public static final String LEARNING_EDITOR = "learning-editor";

    /** Platform admins and learning editors author courses and workshops. */
    public static boolean isAuthor(Caller caller) {
        return caller.isPlatformAdmin() || caller.hasRole(LEARNING_EDITOR);
    }

    private LearningRoles() {
    }
}
