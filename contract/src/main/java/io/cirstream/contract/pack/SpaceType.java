package io.cirstream.contract.pack;

/** The similarity a pack's embeddings are meant for, with the OpenSearch k-NN space name. */
public enum SpaceType {
    COSINE("cosinesimil"),
    INNER_PRODUCT("innerproduct");

    private final String openSearchName;

    SpaceType(String openSearchName) {
        this.openSearchName = openSearchName;
    }

    public String openSearchName() {
        return openSearchName;
    }
}
