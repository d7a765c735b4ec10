package cn.studyflow.org;

/**
 * What the administration may ask of the login throttle, which the application shell keeps: whether logins as a
 * person are being refused at the moment, and to let them try again at once (unlock).
 */
public interface LoginLocks {

    boolean isThrottled(String username);

    void reset(String username);
}
