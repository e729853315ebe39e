// Functions of OVA3's analysis loader and saver, copied verbatim from arg-tech/OVA3
// (https://github.com/arg-tech/OVA3, commit f72b2ad "Fix URLs for https"), so that
// lib/formats/ova3.test.ts can load our AIF export with OVA3's own code in jsdom and save it
// back. Each function is preceded by the file it comes from. Nothing here is changed; what the
// functions call outside this set (drawing on the SVG, posting to OVA3's server, jQuery) is
// stubbed by the test.
//
// OVA3 is by the Centre for Argument Technology (ARG-tech), University of Dundee, and is
// released under CC-BY-SA (see its README); this file is distributed under the same licence:
// https://creativecommons.org/licenses/by-sa/4.0/

// res/js/ova-save.js
function genjson() {
    var json = {}
    var jnodes = [];
    var jschemeFulfillments = [];
    var jdescriptorFulfillments = [];
    var jcqFulfillments = [];
    var jlocutions = [];
    var jedges = [];
    var nodesLayout = [];
    var edgesLayout = [];

    for (var i = 0, l = nodes.length; i < l; i++) {
        var jnode = {};
        jnode['nodeID'] = nodes[i].nodeID;
        jnode['text'] = nodes[i].text;
        jnode['type'] = nodes[i].type;
        jnodes.push(jnode);

        var n = {};
        n['nodeID'] = nodes[i].nodeID;
        n['visible'] = nodes[i].visible;
        n['x'] = nodes[i].x;
        n['y'] = nodes[i].y;
        n['timestamp'] = nodes[i].timestamp;
        nodesLayout.push(n);

        if (nodes[i].scheme != null) {
            var jschemeFulfillment = {};
            jschemeFulfillment['nodeID'] = nodes[i].nodeID;
            jschemeFulfillment['schemeID'] = nodes[i].scheme;
            jschemeFulfillments.push(jschemeFulfillment);
        }

        if (Symbol.iterator in nodes[i].descriptors) {
            for (d of nodes[i].descriptors) {
                if (d.descriptorID !== null && d.descriptorID !== "null") {
                    var jdescriptorFulfillment = {};
                    jdescriptorFulfillment['nodeID'] = nodes[i].nodeID;
                    jdescriptorFulfillment['descriptorID'] = d.descriptorID;
                    jdescriptorFulfillment['selectedID'] = d.selectedID;
                    jdescriptorFulfillments.push(jdescriptorFulfillment);
                }
            }
        }

        if (Symbol.iterator in nodes[i].cqdesc) {
            for (cq of nodes[i].cqdesc) {
                if (cq.descriptorID !== null && cq.descriptorID !== "null") {
                    var jcqFulfillment = {};
                    jcqFulfillment['nodeID'] = nodes[i].nodeID;
                    jcqFulfillment['descriptorID'] = cq.descriptorID;
                    jcqFulfillment['selectedID'] = cq.selectedID;
                    jcqFulfillments.push(jcqFulfillment);
                }
            }
        }

        if (nodes[i].participantID != 0) {
            var jlocution = {};
            jlocution['nodeID'] = nodes[i].nodeID;
            jlocution['personID'] = nodes[i].participantID;
            // jlocution['start'] = Math.round(new Date(nodes[i].timestamp).getTime() / 1000);
            if (nodes[i].timestamp !== "") {
                var timestamp = new Date(nodes[i].timestamp);
                var date = timestamp.toISOString().split("T", 2);
                var time = date[1].split(".", 1);
                jlocution['start'] = date[0] + " " + time;
            } else { jlocution['start'] = null; }
            jlocution['end'] = null;
            jlocutions.push(jlocution);
        }
    }

    for (var i = 0, l = edges.length; i < l; i++) {
        var jedge = {};
        jedge['edgeID'] = i + 1;
        jedge['fromID'] = edges[i].fromID;
        jedge['toID'] = edges[i].toID;
        jedges.push(jedge);

        var e = {};
        e['fromID'] = edges[i].fromID;
        e['toID'] = edges[i].toID;
        e['visible'] = edges[i].visible;
        edgesLayout.push(e);
    }

    var aif = {
        "nodes": jnodes,
        "edges": jedges,
        "schemefulfillments": jschemeFulfillments,
        "participants": participants,
        "locutions": jlocutions,
        "descriptorfulfillments": jdescriptorFulfillments,
        "cqdescriptorfulfillments": jcqFulfillments
    };
    json['AIF'] = aif;

    var url = getUrlVars()["url"];
    var txt = '';
    if (url == 'local') {
        txt = getAllText();
        url = '';
    }

    json['text'] = txt;

    var ova = {
        "firstname": window.afirstname,
        "surname": window.asurname,
        "url": url,
        "nodes": nodesLayout,
        "edges": edgesLayout
    };
    json['OVA'] = ova;

    jstr = JSON.stringify(json);

    return jstr;
}

// res/js/ova-save.js
function clearAnalysis() {
    var currentTxt = getAllText();
    var exampleTxt = "Enter your text here...";
    if (currentTxt != exampleTxt) {
        //Clears the text
        setAllText(exampleTxt);
        postEdit("text", "edit", exampleTxt, 1);
    }

    for (var i = edges.length - 1; i >= 0; i--) { delEdge(edges[i]); } //Removes all edges
    for (var i = nodes.length - 1; i >= 0; i--) { delNode(nodes[i]); } //Removes all nodes

    //Clears the svg
    SVGRoot.removeChild(SVGRootG);
    SVGRootG = document.createElementNS("http://www.w3.org/2000/svg", 'g');
    SVGRoot.appendChild(SVGRootG);
    return false;
}

// res/js/ova-save.js
async function loadFile(jstr, multi) {
    if (typeof jstr !== 'object') {
        try { var json = JSON.parse(jstr); }
        catch (e) { console.log(e); return false; }
    } else {
        var json = jstr;
    }

    var offset = 60;
    if (multi) {
        offset = calOffset('y', 150);
    } else {
        clearAnalysis(); //remove the previous analysis before loading the new analysis
    }

    var oplus = false;
    if ("plus" in getUrlVars()) {
        oplus = true;
    }

    if (json['OVA']) { //if in OVA3 format
        return await loadOva3Json(json, oplus, offset);
    } else if (json['nodes']) {
        var jnodes = json['nodes'];
        if (jnodes.length > 0 && !(jnodes[0].hasOwnProperty('x'))) { //if in db format
            return await loaddbjson(json, oplus, offset);
        } else if (jnodes.length > 0 && jnodes[0].hasOwnProperty('id')) { //if in OVA2 format
            return await loadOva2Json(json, oplus, offset);
        }
    }
    return false;
}

// res/js/ova-save.js
async function loadOva3Json(json, oplus, offset) {
    console.log("loading OVA3 json");
    //load participants
    var p = json['AIF']['participants'];
    if (p != undefined) {
        for (var i = 0, l = p.length; i < l; i++) {
            firstname = p[i].firstname;
            surname = p[i].surname;
            addParticipant(firstname, surname);
        }
    }

    //load the analysis text or URL
    var text = false;
    if (json['text'].hasOwnProperty("txt")) {
        if (json['text']['txt'] != "") { text = loadText(json['text']['txt']); }
    }
    else if (json['text'] != "") {
        text = loadText(json['text']);
    }

    if (!text && json['OVA'].hasOwnProperty("url")) {
        loadUrl(json['OVA']['url']);
    }
    else if (!text && json['text'].hasOwnProperty("url")) {
        loadUrl(json['text']['url']);
    }

    //create the nodes
    var jnodes = json['AIF']['nodes'];
    var nodelist = {};
    var pID = 0;
    var toMark = [];
    for (var i = 0, l = jnodes.length; i < l; i++) {
        if (oplus) {
            if (jnodes[i].type == "L") {
                pID = findParticipantIDText(jnodes[i].text);
                nodelist[jnodes[i].nodeID] = newNode(jnodes[i].nodeID, jnodes[i].type, null, pID, jnodes[i].text, 0, 0, false, 1, "", false, false);
            } else {
                nodelist[jnodes[i].nodeID] = newNode(jnodes[i].nodeID, jnodes[i].type, null, 0, jnodes[i].text, 0, 0, false, 1, "", false, false);
            }
        } else if (jnodes[i].type == "I" || jnodes[i].type == "RA" || jnodes[i].type == "CA" || jnodes[i].type == "MA" || jnodes[i].type == "EN") {
            nodelist[jnodes[i].nodeID] = newNode(jnodes[i].nodeID, jnodes[i].type, null, 0, jnodes[i].text, 0, 0, false, 1, "", false, false);
            if (jnodes[i].type == "I" && text) {
                if (!hlUpdate(jnodes[i].nodeID, jnodes[i].type, jnodes[i].nodeID, false)) { toMark.push(jnodes[i].nodeID); } //store the node IDs that it failed to update for
            }
        }
    }

    window.nodeCounter += jnodes.length; //update the node counter
    if (!oplus && text) { postEdit("text", "edit", $('#analysis_text').html(), 1); }

    //set any scheme fulfillments
    var sf = json['AIF']['schemefulfillments'];
    if (sf != undefined) {
        for (var i = 0; i < sf.length; i++) {
            updateNodeScheme(sf[i].nodeID, sf[i].schemeID, 1, false);
        }
    }

    //set any descriptor fulfillments
    var df = json['AIF']['descriptorfulfillments'];
    if (df != undefined) {
        for (var i = 0; i < df.length; i++) {
            addNodeDescriptor(df[i].nodeID, false, df[i].descriptorID, null, df[i].selectedID, 1, false);
        }
    }

    //set any cq fulfillments
    var cqf = json['AIF']['cqdescriptorfulfillments'];
    if (cqf != undefined) {
        for (var i = 0; i < cqf.length; i++) {
            addNodeDescriptor(cqf[i].nodeID, true, cqf[i].descriptorID, null, cqf[i].selectedID, 1, false);
        }
    }

    //set the layout of the nodes and draw them on the svg
    var n = json['OVA']['nodes'];
    var newX = 0, newY = 0, tstamp, mark;
    var lowX = parseInt(n.reduce(minX).x);
    var lowY = parseInt(n.reduce(minY).y);
    for (var i = 0, l = n.length; i < l; i++) {
        if (nodelist[n[i].nodeID]) {
            if (n[i].visible) {
                newX = parseInt(n[i].x) - lowX + 150;
                newY = parseInt(n[i].y) + offset - lowY;
                mark = toMark.includes(n[i].nodeID);
                updateNode(n[i].nodeID, newX, newY, true, 1, false, nodelist[n[i].nodeID].type, nodelist[n[i].nodeID].scheme, nodelist[n[i].nodeID].text, "", mark);
                DrawNode(nodelist[n[i].nodeID].nodeID, nodelist[n[i].nodeID].type, nodelist[n[i].nodeID].text, nodelist[n[i].nodeID].x, nodelist[n[i].nodeID].y, mark);
                if (oplus && n[i].timestamp && n[i].timestamp != '') { //if in dialogical mode
                    tstamp = n[i].timestamp.split(" (")[0]; //remove the timezone name from the timestamp
                    updateTimestamp(n[i].nodeID, tstamp, 1, false);
                    if (window.showTimestamps && nodelist[n[i].nodeID].type == 'L') { DrawTimestamp(n[i].nodeID, tstamp, nodelist[n[i].nodeID].x, nodelist[n[i].nodeID].y); }
                }
            }
        }
    }

    //create and draw any connecting edges
    var edgeStart = edges.length;
    var e = json['OVA']['edges'];
    var edgeList = {};
    var from, to, id, indexF, indexT, visible;
    for (var i = 0, l = e.length; i < l; i++) {
        from = e[i].fromID;
        to = e[i].toID;
        id = from + "_" + to;
        if (from in nodelist && to in nodelist && !(id in edgeList)) { //if both the nodes the edge connects exist and the edge hasn't already been loaded
            indexF = findNodeIndex(from, true);
            indexT = findNodeIndex(to, true);
            visible = nodes[indexF].visible && nodes[indexT].visible ? true : false; //if the edge connects an invisible node it should also be invisible
            edgeList[id] = newEdge(from, to, visible, 1, false);
            if (visible) {
                DrawEdge(from, to);
                UpdateEdge(edgeList[id]);
            }
        }
    }

    if (toMark.length > 0) { hlReset(nodelist); }

    var nodeStart = findNodeIndex(jnodes[0].nodeID, true);
    return await postAddEdits(nodeStart, edgeStart);
}

// res/js/ova-save.js
function hlReset(nodelist) {
    var spans = document.getElementsByClassName("highlighted");
    var sID;
    for (var i = spans.length - 1; i > 0; i--) {
        sID = spans[i].id.substring(4);
        if (!(sID in nodelist)) { console.log("removed span: " + sID); remhl(sID, 1); }
    }
    alert("Failed to link the analysis text to the marked nodes.\n\
        \nFor each marked node, please reselect their text through the right click or edit node menu. If a marked node should not be linked to the text, right click it and select unmark.");
}

// res/js/ova-save.js
function minX(prev, curr) {
    if (!curr.visible) { return prev; }
    if (!prev.visible) { return curr; }
    return parseInt(prev.x) < parseInt(curr.x) ? prev : curr;
}

// res/js/ova-save.js
function minY(prev, curr) {
    if (!curr.visible) { return prev; }
    if (!prev.visible) { return curr; }
    return parseInt(prev.y) < parseInt(curr.y) ? prev : curr;
}

// res/js/ova-save.js
function loadText(text) {
    if (text != "") {
        var url = getUrlVars()["url"];
        if (url != 'local') {
            //update the url variable to be local without reloading
            var currentUrl = new URL(window.location);
            currentUrl.searchParams.set('url', 'local');
            history.pushState(null, null, currentUrl);

            var iframe = document.getElementById('extside');
            iframe.setAttribute("style", "display:none;"); //hide the iframe
            var textArea = document.getElementById('analysis_text');
            textArea.setAttribute("style", "display:block;"); //show the text area on the left
        }

        //check if the current text displayed should be replaced or kept
        var currentTxt = getAllText();
        var exampleTxt = "Enter your text here...";
        var waitTxt = "Loading URL, please wait.";
        var allTxt = currentTxt !== exampleTxt && currentTxt !== waitTxt ? currentTxt + "<div><br></div>" + text : text;

        //display the text in the analysis text div on the left
        setAllText(allTxt);
        postEdit("text", "edit", allTxt);
        return true;
    }
    return false;
}

// res/js/ova-save.js
async function postAddEdits(nodeStart, edgeStart) {
    try {
        //add the nodes to the database
        var nodesContent = [];
        var nodesToAdd = nodes.slice(nodeStart);
        for (var i = 0; i < nodesToAdd.length; i++) {
            nodesContent.push([nodesToAdd[i].nodeID, JSON.stringify(nodesToAdd[i])]);
        }
        lastedit = await $.post("helpers/load.php", { analysisID: window.analysisID, sessionid: window.sessionid, type: "node", action: "add", cnt: JSON.stringify(nodesContent), groupID: window.groupID, undone: 1, counter: window.nodeCounter }).then(data => JSON.parse(data).last);

        //add the edges to the database
        var edgesContent = [];
        var edgesToAdd = edges.slice(edgeStart);
        for (var i = 0; i < edgesToAdd.length; i++) {
            window.edgeCounter++;
            var contentID = window.edgeCounter + "_" + window.sessionid;
            edgesContent.push([contentID, JSON.stringify(edgesToAdd[i])]);
        }
        lastedit = await $.post("helpers/load.php", { analysisID: window.analysisID, sessionid: window.sessionid, type: "edge", action: "add", cnt: JSON.stringify(edgesContent), groupID: window.groupID, undone: 1, counter: window.edgeCounter }).then(data => JSON.parse(data).last);
    } catch (e) { alert("Unable to add to the OVA3 database"); return false; }

    return true;
}

// res/js/ova-init.js
function remhl(nodeID, undone) {
    var span = document.getElementById("node" + nodeID);
    if (span != null) { //if a span exists for this node
        var text = span.textContent || span.innerText;
        var node = document.createTextNode(text);
        var cSpans = span.children;
        span.parentNode.replaceChild(node, span);
        for (var i = 0; i < cSpans.length; i++) {
            var id = cSpans[i].id.substring(4);
            var index = findNodeIndex(id);
            if (index > -1) { //if the node still exists
                hlText(nodes[index]); //re-highlight the analysis text for the node
            }
        }
        var undone = typeof undone !== 'undefined' ? undone : 0;
        postEdit("text", "edit", $('#analysis_text').html(), undone);
    }
}

// res/js/ova-init.js
function hlText(node) {
    var toHl = node.text;
    if (node.type == 'L') { //if a locution, remove the participant's name from the node's text
        var text = node.text.split(": ");
        toHl = text[1];
    }

    const cNodes = document.getElementById('analysis_text').childNodes;
    for (var c of cNodes) {
        if (c.nodeType === 3) { //if the child node is of type text
            var start = c.nodeValue.indexOf(toHl);
            if (start > -1) { //if found in that text node
                const range = document.createRange();
                range.setStart(c, start);
                range.setEnd(c, start + toHl.length);

                var span = document.createElement("span");
                span.className = "highlighted";
                span.id = "node" + node.nodeID;
                range.surroundContents(span);
                postEdit("text", "edit", $('#analysis_text').html(), 1);
                return true;
            }
        }
    }
    return false;
}

// res/js/ova-init.js
function hlUpdate(nodeID, type, newID, post, undone) {
    var span = document.getElementById("node" + nodeID); //try to find the span from the node ID

    if (span == null && !dialogicalMode && type == 'I') { //if a dialogical analysis into non-dialogical mode
        var lNodeID;
        if (Number.isInteger(nodeID)) { //if from OVA2
            lNodeID = nodeID - 2;
        }
        else { //if from OVA3
            var id = nodeID.split("_", 2);
            lNodeID = (parseInt(id[0]) + 1) + "_" + id[1];
        }
        span = document.getElementById("node" + lNodeID); //try to find the span based on a locution ID
    }

    if (span != null) { //if a span was found, update it
        span.id = "node" + newID;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) {
            var undone = typeof undone !== 'undefined' ? undone : 0;
            postEdit("text", "edit", $('#analysis_text').html(), undone);
        }
        return true;
    } else { console.log("Couldn't find text span for node: " + newID); return false; }
}

// res/js/ova-init.js
function addParticipant(firstname, surname) {
    var found = findParticipantID(firstname, surname);
    if (found === 0) {
        var p = new Participant;
        p.firstname = firstname;
        p.surname = surname;
        p.participantID = participants.length + 1;
        $('#p_select').append($("<option/>", {
            value: p.participantID,
            text: firstname + " " + surname
        }));
        participants.push(p);
        return p;
    }
    else {
        return participants[found - 1];
    }
}

// res/js/ova-init.js
function getAllText() {
    var iframe = document.getElementById('left1');
    if (iframe.nodeName.toLowerCase() == 'div') {
        txt = $('#analysis_text').html();
    } else {
        // var innerDoc = iframe.contentDocument || iframe.contentWindow.document;
        txt = "";
    }
    return txt;
}

// res/js/ova-init.js
function setAllText(txt) {
    var iframe = document.getElementById('left1');
    if (iframe.nodeName.toLowerCase() == 'div') {
        $('#analysis_text').html(txt);
    }
}

// res/js/ova-model.js
function Node() {
    this.nodeID = '';
    this.type = '';
    this.scheme = null;
    this.descriptors = [];
    this.cqdesc = [];
    this.participantID = 0;
    this.text = '';
    this.x = 0;
    this.y = 0;
    this.visible = true;
    this.timestamp = '';
    this.marked = false;
}

// res/js/ova-model.js
function newNode(nodeID, type, scheme, participantID, text, x, y, visible, undone, timestamp, marked, post) {
    var n = new Node;
    n.nodeID = nodeID;
    n.type = type;
    n.scheme = scheme;
    n.participantID = participantID;
    n.text = text;
    n.x = x;
    n.y = y;
    n.visible = typeof visible !== 'undefined' ? visible : true;
    n.timestamp = typeof timestamp !== 'undefined' ? timestamp : '';
    n.marked = typeof marked !== 'undefined' ? marked : false;
    nodes.push(n);

    var undone = typeof undone !== 'undefined' ? undone : 0;
    var post = typeof post !== 'undefined' ? post : true;
    if (post) { postEdit("node", "add", n, undone, n.nodeID); }
    return n;
}

// res/js/ova-model.js
function updateNode(nodeID, x, y, visible, undone, post, type, scheme, text, timestamp, marked) {
    var index = findNodeIndex(nodeID);
    if (index > -1) { //if the node exists
        n = nodes[index];
        n.x = x;
        n.y = y;
        n.visible = typeof visible !== 'undefined' ? visible : true;

        if (typeof type !== 'undefined') { n.type = type; }
        if (typeof scheme !== 'undefined') { n.scheme = scheme; }
        if (typeof text !== 'undefined') { n.text = text; }
        if (typeof timestamp !== 'undefined') { n.timestamp = timestamp; }
        if (typeof marked !== 'undefined') { n.marked = marked; }

        var undone = typeof undone !== 'undefined' ? undone : 0;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) { postEdit("node", "edit", n, undone, n.nodeID); }
    }
}

// res/js/ova-model.js
function updateNodeScheme(nodeID, scheme, undone, post) {
    var index = findNodeIndex(nodeID);
    if (index > -1) { //if the node exists
        n = nodes[index];
        n.scheme = scheme;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) { postEdit("node", "edit", n, undone, n.nodeID); }
    }
}

// res/js/ova-model.js
function delNode(node) {
    var index = findNodeIndex(node.nodeID);
    if (index > -1) { //if the node exists
        nodes.splice(index, 1);
        postEdit("node", "delete", node, 0, node.nodeID);
    }
}

// res/js/ova-model.js
function Descriptor() {
    this.descriptorID = '';
    this.type = '';
    this.selectedID = '';
}

// res/js/ova-model.js
function newDescriptor(descriptorID, type, selectedID) {
    var d = new Descriptor;
    d.descriptorID = descriptorID;
    d.type = type;
    d.selectedID = selectedID;
    return d;
}

// res/js/ova-model.js
function addNodeDescriptor(nodeID, cq, descriptorID, type, selectedID, undone, post) {
    var index = findNodeIndex(nodeID);
    if (index > -1) { //if the node exists
        var n = nodes[index];
        var d = newDescriptor(descriptorID, type, selectedID);
        if (cq) { n.cqdesc.push(d); }
        else { n.descriptors.push(d); }
        var post = typeof post !== 'undefined' ? post : true;
        if (post) { postEdit("node", "edit", n, undone, n.nodeID); }
    }
}

// res/js/ova-model.js
function Edge() {
    this.fromID = '';
    this.toID = '';
    this.visible = true;
}

// res/js/ova-model.js
function newEdge(fromID, toID, visible, undone, post) {
    var e = new Edge;
    e.fromID = fromID;
    e.toID = toID;
    e.visible = typeof visible !== 'undefined' ? visible : true;
    edges.push(e);

    var undone = typeof undone !== 'undefined' ? undone : 0;
    var post = typeof post !== 'undefined' ? post : true;
    if (post) { postEdit("edge", "add", e, undone); }
    return e;
}

// res/js/ova-model.js
function delEdge(edge) {
    var index = edges.indexOf(edge);
    if (index > -1) {
        postEdit("edge", "delete", edge);
        edges.splice(index, 1);
    }
}

// res/js/ova-model.js
function Participant() {
    this.participantID = 0;
    this.firstname = '';
    this.surname = '';
}

// res/js/ova-model.js
function findParticipantID(firstname, surname) {
    var found = participants.find(p => p.firstname == firstname && p.surname == surname);
    if (typeof found !== "undefined") {
        return found.participantID;
    }
    return 0;
}

// res/js/ova-model.js
function findParticipantIDText(text) {
    var index = text.indexOf(":");
    var str = text.slice(0, index);
    var name = str.split(" ");
    var found = findParticipantID(name[0], name[1]);
    return found;
}

// res/js/ova-ctrl.js
function findNodeIndex(nodeID, last) {
  var last = typeof last !== 'undefined' ? last : false;
  if (last) {
    for (var i = nodes.length - 1; i >= 0; i--) {
      if (nodes[i]) {
        if (nodes[i].nodeID == nodeID) {
          return i;
        }
      }
    }
  } else {
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i]) {
        if (nodes[i].nodeID == nodeID) {
          return i;
        }
      }
    }
  }
  return -1;
}

// res/js/ova-fn.js
function getUrlVars() {
    var vars = {};
    var parts = window.location.href.replace(/[?&]+([^=&]+)=([^&]*)/gi, function(m,key,value) {
        vars[key] = value;
    });
    return vars;
}
