package org.communitylifecycle.identity;

import java.util.List;

/** The groups the product's processes and screens are built around. */
public final class Groups {

  public static final String ACTIVATORS = "activators";
  public static final String CBT_LIAISONS = "cbt-liaisons";
  public static final String COMMUNITY_LEADS = "community-leads";
  public static final String PROCESS_DESIGNERS = "process-designers";
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  /** Who may scrape /actuator/prometheus besides administrators; an operator creates it in Admin. */
  public static final String MONITORING = "monitoring";
  public static final String MENTORS = "mentors";
  public static final String MENTEES = "mentees";
  public static final String HUB_HOSTS = "hub-hosts";
  // The ecosystem ops jam's roles.
  public static final String INSTANCE_MANAGERS = "instance-managers";
  public static final String PROJECT_MANAGERS = "project-managers";
  public static final String BRANCH_LEADS = "branch-leads";

  /** Id and display name of every group, in the order Admin lists them. */
  static final List<List<String>> ALL =
      List.of(
          List.of(ACTIVATORS, "Activators"),
          List.of(CBT_LIAISONS, "CBT liaisons"),
          List.of(COMMUNITY_LEADS, "Community leads"),
          List.of(PROCESS_DESIGNERS, "Process designers"),
          List.of(CAMUNDA_ADMIN, "Camunda administrators"),
          List.of(MENTORS, "Mentors"),
          List.of(MENTEES, "Mentees"),
          List.of(HUB_HOSTS, "Hub hosts"),
          List.of(INSTANCE_MANAGERS, "Instance managers"),
          List.of(PROJECT_MANAGERS, "Project managers"),
          List.of(BRANCH_LEADS, "Branch leads"));

  private Groups() {}
}
