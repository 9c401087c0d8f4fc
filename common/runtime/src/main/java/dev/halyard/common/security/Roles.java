package dev.halyard.common.security;

/** The roles a Halyard token can carry, in its {@code groups} claim. */
public final class Roles {

    /** Any registered user: shops, orders, manages their own profile. */
    public static final String CUSTOMER = "customer";
    /** Operator: manages the catalog and can read every order. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
