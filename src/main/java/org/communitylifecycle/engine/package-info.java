/** How the embedded engine is set up beyond the starter's defaults. */
package org.communitylifecycle.engine;
