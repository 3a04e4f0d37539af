/** The SourceCred ecosystem ops jam: preparing the jam, collecting input, combing the backlog and tracking the roadmap. */
package org.communitylifecycle.opsjam;
