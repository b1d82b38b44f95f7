package de.govtech.membership.municipalities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A contact person of a municipality (e.g. the IT lead). */
@Embeddable
public class Contact {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "function_title", length = 200)
    public String function;

    @Column(nullable = false, length = 254)
    public String email;

    public Contact() {
    }

    public Contact(String name, String function, String email) {
        this.name = name;
        this.function = function;
        this.email = email;
    }
}
