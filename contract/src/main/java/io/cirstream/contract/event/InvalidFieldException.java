package io.cirstream.contract.event;

/**
 * A rule of {@link EventRules} or {@link MetadataRules} refused one field; {@link #field()} is its path relative to
 * the record that checked it ({@code tags[2]}, {@code attributes.lens}), so decoding can name the exact JSON field.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
