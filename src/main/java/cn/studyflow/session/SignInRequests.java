package cn.studyflow.session;

/** The JSON bodies of the sign-in and roll-call API. */
final class SignInRequests {

    /** The six-digit code read from the projector. */
    record Code(String code) {
    }

    /** A hand mark: whom, present or late, and why. */
    record Mark(Long personId, Attendance attendance, String reason) {
    }

    /** What the drawn speaker said. */
    record Note(String note) {
    }

    private SignInRequests() {
    }
}
