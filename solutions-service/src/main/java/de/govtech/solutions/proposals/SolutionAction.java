package de.govtech.solutions.proposals;

/** What a platform admin does to a solution; each is a verb under the resource ({@code POST /solutions/{id}/<verb>}). */
public enum SolutionAction {
    SHORTLIST("shortlist"),
    START_PILOT("start-pilot"),
    RELEASE("release"),
    RETIRE("retire"),
    DECLINE("decline");

    private final String verb;

    SolutionAction(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
