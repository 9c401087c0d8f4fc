package dev.halyard.testing;

/** The three domains and what each owns locally: a database, a bucket, an HTTP port. */
public enum Domain {
    ORDER("order", "orderdb", "halyard-order-documents", 8080), PRODUCT("product", "productdb",
            "halyard-product-images", 8081), USER("user", "userdb", "halyard-user-profiles", 8082);

    private final String id;
    private final String database;
    private final String bucket;
    private final int localPort;

    Domain(String id, String database, String bucket, int localPort) {
        this.id = id;
        this.database = database;
        this.bucket = bucket;
        this.localPort = localPort;
    }

    public String id() {
        return id;
    }

    public String database() {
        return database;
    }

    public String bucket() {
        return bucket;
    }

    /** The port {@code ./halyard up} serves this domain on. */
    public int localPort() {
        return localPort;
    }

    public static Domain of(String id) {
        for (Domain domain : values()) {
            if (domain.id.equalsIgnoreCase(id)) {
                return domain;
            }
        }
        throw new IllegalArgumentException("unknown domain " + id);
    }
}
