/* $ echo java
   java
*/
