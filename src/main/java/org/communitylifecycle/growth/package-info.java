/** The Mozilla growth stage, "Learning and preparing for growth", and its measure of success. */
package org.communitylifecycle.growth;
