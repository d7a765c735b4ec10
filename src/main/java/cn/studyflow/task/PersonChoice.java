package cn.studyflow.task;

/** A person offered in an operation form: whom to transfer to, delegate to, add as signer or copy in. */
public record PersonChoice(String username, String displayName, String orgName) {
}
