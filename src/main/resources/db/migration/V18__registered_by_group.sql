-- A registration made by a colleague through the group sign-up: its first mail says so, and tells the person how to
-- decline, since they did not fill in the form themselves.
ALTER TABLE registration ADD COLUMN by_group boolean NOT NULL DEFAULT false;
