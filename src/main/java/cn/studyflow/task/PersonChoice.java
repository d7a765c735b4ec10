package cn.studyflow.task;

/**
 * A person offered in an operation form: whom to transfer to, delegate to, add as signer or copy in. {@code label}
 * is what the form shows: the name and organisation, and the roles too where two people share the name.
 */
public record PersonChoice(String username, String displayName, String orgName, String label) {
}
