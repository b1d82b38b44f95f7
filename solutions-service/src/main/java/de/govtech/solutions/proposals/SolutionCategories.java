package de.govtech.solutions.proposals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.List;

/** The managed list of categories a solution belongs to ({@code govtech.solutions.categories}). */
@ConfigMapping(prefix = "govtech.solutions")
public interface SolutionCategories {

    @WithName("categories")
    List<String> all();

    default boolean contains(String category) {
        return category != null && all().contains(category);
    }
}
