package cn.studyflow.admin;

import cn.studyflow.org.Role;
import java.util.Set;

/**
 * What an administrator enters for a person. {@code password} is a temporary password, changed at the next
 * login; without one a new person cannot log in until an administrator sets one.
 */
record PersonForm(String username, String displayName, Long orgId, String phone, Set<Role> roles, String password) {
}
