package cn.studyflow.material;

/** The three points of the second review: political, academic and legal soundness (政治关、学术关、法律关). */
public enum CheckItem {
    POLITICAL, ACADEMIC, LEGAL
}
