/** What every HTTP answer carries: the security headers. */
package org.communitylifecycle.web;
