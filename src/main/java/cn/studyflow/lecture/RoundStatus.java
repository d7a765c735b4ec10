package cn.studyflow.lecture;

/** Where a round stands; labels from {@code lecture.round.status.*}. */
public enum RoundStatus {
    /** Entries come in. */
    COLLECTING,
    /** The judges score; nobody sees another judge's scores. */
    SCORING,
    /** Scoring closed: the ranking is shown with every judge's scores; the organiser sends the best up. */
    RANKING,
    FINISHED,
    /** Collection closed with no entry. */
    EMPTY
}
